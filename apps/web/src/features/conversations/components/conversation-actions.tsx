import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconCircleX, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAcceptConversation } from '../api/accept-conversation';
import { useReopenConversation } from '../api/reopen-conversation';
import type { Conversation } from '../types';
import { CloseConversationModal } from './close-conversation-modal';
import { TranscriptModal } from './transcript-modal';

interface ConversationActionsProps {
  conversation: Conversation;
  /** Called after the conversation became open (accepted or reopened). */
  onOpened?: () => void;
}

/** The transcript action, then the lifecycle buttons that fit the conversation's status. */
export function ConversationActions({ conversation, onOpened }: ConversationActionsProps) {
  const { t } = useTranslation();
  const [closeModalOpened, closeModal] = useDisclosure(false);
  const [transcriptOpened, transcriptModal] = useDisclosure(false);
  const accept = useAcceptConversation(conversation.id);
  const reopen = useReopenConversation(conversation.id);

  return (
    <Group gap="xs" wrap="nowrap">
      <Tooltip label={t('transcript.action')} withArrow>
        <ActionIcon
          variant="default"
          size={30}
          aria-label={t('transcript.action')}
          onClick={transcriptModal.open}
          data-testid="transcript-button"
        >
          <IconMailForward size={16} />
        </ActionIcon>
      </Tooltip>
      {conversation.status === 'waiting' && (
        <Button
          size="xs"
          leftSection={<IconCheck size={16} />}
          loading={accept.isPending}
          data-testid="accept-button"
          onClick={() =>
            accept.mutate(undefined, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('actions.accepted') });
                onOpened?.();
              },
            })
          }
        >
          {t('actions.accept')}
        </Button>
      )}
      {conversation.status !== 'closed' && (
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
      {conversation.status === 'closed' && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconArrowBackUp size={16} />}
          loading={reopen.isPending}
          data-testid="reopen-button"
          onClick={() =>
            reopen.mutate(undefined, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('actions.reopened') });
                onOpened?.();
              },
            })
          }
        >
          {t('actions.reopen')}
        </Button>
      )}
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
    </Group>
  );
}
