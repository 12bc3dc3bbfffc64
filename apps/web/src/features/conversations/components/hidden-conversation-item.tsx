import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useHideConversation } from '../api/hide-conversation';
import type { Conversation } from '../types';
import { ConversationListItem } from './conversation-list-item';

interface HiddenConversationItemProps {
  conversation: Conversation;
  href: string;
  selected: boolean;
}

/** A row of the "Hidden" view: the conversation as in the tabs, and a way to bring it back. */
export function HiddenConversationItem({
  conversation,
  href,
  selected,
}: HiddenConversationItemProps) {
  const { t } = useTranslation();
  const hide = useHideConversation(conversation.id);
  return (
    <div data-testid="hidden-item" data-reference={conversation.reference}>
      <ConversationListItem conversation={conversation} href={href} selected={selected} />
      {/* Beside the link, not inside it: a button may not sit in an anchor. */}
      <Group
        justify="flex-end"
        px="md"
        py={4}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconEye size={14} />}
          loading={hide.isPending}
          onClick={() =>
            hide.mutate(false, {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: t('workflow.hide.shown') }),
            })
          }
          data-testid="show-again"
        >
          {t('workflow.list.showAgain')}
        </Button>
      </Group>
    </div>
  );
}
