import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RelativeTime } from '@/components/ui/relative-time';
import { ChannelIcon } from '@/features/inboxes';
import { useContactConversations } from '../api/get-contact-conversations';
import type { Conversation } from '../types';
import { ConversationStatusBadge } from './conversation-status-badge';
import classes from './contact-conversations.module.css';
import listClasses from './conversation-list.module.css';

interface ContactConversationsProps {
  contactId: string;
  /** The conversation on screen, left out of its own history. */
  currentId: string;
  hrefFor: (conversation: Conversation) => string;
}

function ContactConversationRow({
  conversation,
  href,
}: {
  conversation: Conversation;
  href: string;
}) {
  const { t } = useTranslation();
  return (
    <Link
      to={href}
      className={classes.row}
      aria-label={t('info.openConversation', { reference: conversation.reference })}
      data-testid="contact-conversation"
      data-channel={conversation.inbox.kind}
      data-reference={conversation.reference}
      data-status={conversation.status}
      data-open={conversation.status !== 'closed'}
    >
      <div style={{ paddingTop: 2 }}>
        <ChannelIcon kind={conversation.inbox.kind} size={16} />
      </div>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text className={listClasses.reference}>{conversation.reference}</Text>
          <RelativeTime value={conversation.lastMessageAt} size="xs" c="dimmed" />
        </Group>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="xs" c="dimmed" truncate>
            {conversation.lastMessagePreview ?? t('conversationList.noPreview')}
          </Text>
          <ConversationStatusBadge
            conversation={conversation}
            size="xs"
            testId="contact-conversation-status"
          />
        </Group>
      </Stack>
    </Link>
  );
}

/** The customer's other conversations, on every channel, so agents see the whole story. */
export function ContactConversations({ contactId, currentId, hrefFor }: ContactConversationsProps) {
  const { t } = useTranslation();
  const query = useContactConversations(contactId);

  if (query.isPending) {
    return (
      <Stack gap="xs" mt={4} aria-busy>
        <Skeleton height={34} />
        <Skeleton height={34} />
      </Stack>
    );
  }
  if (query.isError && !query.data) {
    return (
      <Text size="sm" c="red" mt={4} data-testid="contact-conversations-error">
        {t('info.historyFailed')}{' '}
        <Anchor component="button" type="button" size="sm" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Anchor>
      </Text>
    );
  }
  // Still-active conversations first: an agent must not answer the same customer twice.
  const others = query.data.items.filter((conversation) => conversation.id !== currentId);
  const active = others.filter((conversation) => conversation.status !== 'closed');
  const closed = others.filter((conversation) => conversation.status === 'closed');
  if (others.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt={4}>
        {t('info.noOtherConversations')}
      </Text>
    );
  }
  return (
    <Stack gap={0} mt={4} data-testid="contact-conversations">
      {active.length > 0 && (
        <Text size="xs" c="orange" fw={500} mb={4} data-testid="contact-open-count">
          {t('info.otherOpen', { count: active.length })}
        </Text>
      )}
      {[...active, ...closed].map((conversation) => (
        <ContactConversationRow
          key={conversation.id}
          conversation={conversation}
          href={hrefFor(conversation)}
        />
      ))}
    </Stack>
  );
}
