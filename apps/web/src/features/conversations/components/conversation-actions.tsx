import { ActionIcon, Button, Group, Menu, Tooltip } from '@mantine/core';
import { useDisclosure, useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowsExchange,
  IconCheck,
  IconCircleX,
  IconDots,
  IconEyeOff,
  IconHandStop,
  IconLifebuoy,
  IconLogin2,
  IconMailForward,
  IconPlayerPause,
  IconUserPlus,
  IconMailOpened,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth';
import { useAcceptConversation } from '../api/accept-conversation';
import { useHideConversation } from '../api/hide-conversation';
import { useHoldConversation } from '../api/hold-conversation';
import { useJoinConversation } from '../api/join-conversation';
import { useMarkUnread } from '../api/mark-unread';
import { useReopenConversation } from '../api/reopen-conversation';
import { conversationPermissions } from '../permissions';
import type { Conversation } from '../types';
import { CloseConversationModal } from './close-conversation-modal';
import { HelpModal } from './help-modal';
import { InviteModal } from './invite-modal';
import { SnoozeMenu } from './snooze-menu';
import { TagPicker } from './tag-picker';
import { TranscriptModal } from './transcript-modal';
import { TransferModal } from './transfer-modal';

/** Dispatched on `window` (Shift+C) to open the close dialog of the conversation on screen. */
export const CLOSE_CONVERSATION_EVENT = 'switchboard:close-conversation';

interface ConversationActionsProps {
  conversation: Conversation;
  /** Called after the conversation became open (accepted or reopened). */
  onOpened?: () => void;
  /** Called when the conversation leaves my view (transferred, hidden, marked unread). */
  onLeave?: () => void;
  /** More buttons for this viewer (supervisor mode: reassign, redirect), before Close. */
  extra?: ReactNode;
}

/**
 * What I may do with this conversation right now: lifecycle buttons up front, the rest in a
 * "more" menu. The API enforces every rule; hiding a button only spares a pointless click.
 */
export function ConversationActions({
  conversation,
  onOpened,
  onLeave,
  extra,
}: ConversationActionsProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = conversationPermissions(conversation, user);
  const [closeModalOpened, closeModal] = useDisclosure(false);
  const [transcriptOpened, transcriptModal] = useDisclosure(false);
  const [transferOpened, transferModal] = useDisclosure(false);
  const [inviteOpened, inviteModal] = useDisclosure(false);
  const [helpOpened, helpModal] = useDisclosure(false);
  const accept = useAcceptConversation(conversation.id);
  const reopen = useReopenConversation(conversation.id);
  const join = useJoinConversation(conversation.id);
  const hold = useHoldConversation(conversation.id);
  const unread = useMarkUnread(conversation.id);
  const hide = useHideConversation(conversation.id);

  useWindowEvent(CLOSE_CONVERSATION_EVENT, () => {
    if (can.close) closeModal.open();
  });

  const toast = (message: string) => notifications.show({ color: 'teal', message });

  return (
    <Group gap="xs" wrap="nowrap" data-testid="conversation-actions">
      {can.tag && <TagPicker conversation={conversation} />}
      {can.snooze && <SnoozeMenu conversation={conversation} />}
      {can.join && (
        <Button
          size="xs"
          color="red"
          variant="light"
          leftSection={<IconLogin2 size={16} />}
          loading={join.isPending}
          data-testid="join-button"
          onClick={() =>
            join.mutate(undefined, { onSuccess: () => toast(t('workflow.join.done')) })
          }
        >
          {t('workflow.join.action')}
        </Button>
      )}
      {can.accept && (
        <Button
          size="xs"
          leftSection={<IconCheck size={16} />}
          loading={accept.isPending}
          data-testid="accept-button"
          onClick={() =>
            accept.mutate(undefined, {
              onSuccess: () => {
                toast(t('actions.accepted'));
                onOpened?.();
              },
            })
          }
        >
          {t('actions.accept')}
        </Button>
      )}
      {can.transfer && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowsExchange size={16} />}
          data-testid="transfer-button"
          onClick={transferModal.open}
          visibleFrom="md"
        >
          {t('workflow.transfer.action')}
        </Button>
      )}
      {extra}
      {can.close && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconCircleX size={16} />}
          data-testid="close-button"
          onClick={closeModal.open}
        >
          {t('actions.close')}
        </Button>
      )}
      {can.reopen && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconArrowBackUp size={16} />}
          loading={reopen.isPending}
          data-testid="reopen-button"
          onClick={() =>
            reopen.mutate(undefined, {
              onSuccess: () => {
                toast(t('actions.reopened'));
                onOpened?.();
              },
            })
          }
        >
          {t('actions.reopen')}
        </Button>
      )}
      <Menu position="bottom-end" shadow="md" width={270} withinPortal>
        <Menu.Target>
          <Tooltip label={t('workflow.more')} withArrow>
            <ActionIcon
              variant="default"
              size={30}
              aria-label={t('workflow.more')}
              data-testid="more-actions"
            >
              <IconDots size={16} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {can.transfer && (
            <Menu.Item
              leftSection={<IconArrowsExchange size={16} />}
              onClick={transferModal.open}
              data-testid="menu-transfer"
            >
              {t('workflow.transfer.action')}
            </Menu.Item>
          )}
          {can.invite && (
            <Menu.Item
              leftSection={<IconUserPlus size={16} />}
              onClick={inviteModal.open}
              data-testid="menu-invite"
            >
              {t('workflow.invite.action')}
            </Menu.Item>
          )}
          {can.askHelp && (
            <Menu.Item
              leftSection={<IconLifebuoy size={16} />}
              onClick={helpModal.open}
              data-testid="menu-help"
            >
              {t('workflow.help.action')}
            </Menu.Item>
          )}
          {can.hold && (
            <Menu.Item
              leftSection={<IconPlayerPause size={16} />}
              data-testid="menu-hold"
              onClick={() =>
                hold.mutate(undefined, {
                  onSuccess: () => {
                    toast(t('workflow.hold.done'));
                    onLeave?.();
                  },
                })
              }
            >
              {t('workflow.hold.action')}
            </Menu.Item>
          )}
          {(can.transfer || can.invite || can.askHelp || can.hold) && <Menu.Divider />}
          {can.markUnread && (
            <Menu.Item
              leftSection={<IconMailOpened size={16} />}
              data-testid="menu-unread"
              onClick={() =>
                // Leave first: an open conversation marks itself read again.
                unread.mutate(undefined, { onSuccess: () => onLeave?.() })
              }
            >
              {t('workflow.unread.action')}
            </Menu.Item>
          )}
          <Menu.Item
            leftSection={
              conversation.hidden ? <IconHandStop size={16} /> : <IconEyeOff size={16} />
            }
            data-testid="menu-hide"
            onClick={() =>
              hide.mutate(!conversation.hidden, {
                onSuccess: () => {
                  if (conversation.hidden) {
                    toast(t('workflow.hide.shown'));
                    return;
                  }
                  toast(t('workflow.hide.done'));
                  onLeave?.();
                },
              })
            }
          >
            {conversation.hidden ? t('workflow.hide.show') : t('workflow.hide.action')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconMailForward size={16} />}
            onClick={transcriptModal.open}
            data-testid="transcript-button"
          >
            {t('transcript.action')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CloseConversationModal
        conversationId={conversation.id}
        opened={closeModalOpened}
        onClose={closeModal.close}
      />
      <TranscriptModal
        conversation={conversation}
        opened={transcriptOpened}
        onClose={transcriptModal.close}
      />
      <TransferModal
        conversation={conversation}
        opened={transferOpened}
        onClose={transferModal.close}
        onTransferred={onLeave}
      />
      <InviteModal conversation={conversation} opened={inviteOpened} onClose={inviteModal.close} />
      <HelpModal conversationId={conversation.id} opened={helpOpened} onClose={helpModal.close} />
    </Group>
  );
}
