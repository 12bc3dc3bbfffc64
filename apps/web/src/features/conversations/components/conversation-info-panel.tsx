import { Alert, Anchor, Badge, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyValue } from '@/components/ui/copy-value';
import {
  ContactIdentities,
  ContactNotes,
  ContactSummary,
  UnavailableOpenConversations,
  contactKeys,
  useContact,
} from '@/features/contacts';
import { ChannelIcon, useInbox } from '@/features/inboxes';
import { useMessages } from '@/features/messages';
import { formatDateTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import type { Conversation } from '../types';
import { ContactConversations } from './contact-conversations';
import { contactName } from './contact-name';
import { ConversationRating } from './conversation-rating';
import { ConversationStatusBadge } from './conversation-status-badge';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function ConversationTags({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const tags = conversation.tags ?? [];
  if (tags.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('info.noTags')}
      </Text>
    );
  }
  return (
    <Group gap={4} mt={4} data-testid="info-tags">
      {tags.map((tag) => (
        <Badge
          key={tag.id}
          variant="light"
          color={tag.color ?? 'gray'}
          radius="sm"
          tt="none"
          fw={500}
          data-testid="info-tag"
        >
          {tag.name}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * Realtime hints name conversations, not contacts: when a colleague blocks, unblocks or merges
 * this contact, the thread gets an activity line about it; that is the cue to refresh the contact.
 */
function useContactFollowsThread(conversationId: string, contactId: string) {
  const queryClient = useQueryClient();
  const newest = useMessages(conversationId).data?.pages[0]?.items.at(-1);
  const cue =
    newest?.kind === 'activity' && newest.activity?.type.includes('contact') ? newest.id : null;
  const seen = useRef(cue);
  useEffect(() => {
    if (!cue || seen.current === cue) return;
    seen.current = cue;
    void queryClient.invalidateQueries({ queryKey: contactKeys.detail(contactId) });
  }, [queryClient, contactId, cue]);
}

function ContactSection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const query = useContact(conversation.contact.id);
  useContactFollowsThread(conversation.id, conversation.contact.id);
  const fallbackName = contactName(conversation.contact) ?? t('conversationList.unknownContact');
  const contact = query.data;

  if (!contact) {
    return query.isError ? (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />} p="xs">
        <Text size="sm">
          {t('contact.loadFailed')}{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Anchor>
        </Text>
      </Alert>
    ) : (
      <Stack align="center" gap="xs" aria-busy>
        <Skeleton circle height={56} />
        <Skeleton height={16} width="60%" />
        <Skeleton height={34} mt="sm" />
        <Skeleton height={34} />
      </Stack>
    );
  }

  return (
    <>
      <ContactSummary contact={contact} fallbackName={fallbackName} />
      <Field label={t('info.identities')}>
        <ContactIdentities identities={contact.identities} />
      </Field>
      <Field label={t('contact.notes')}>
        <ContactNotes key={contact.id} contact={contact} />
      </Field>
    </>
  );
}

interface ConversationInfoPanelProps {
  conversation: Conversation;
  /** Where a conversation from the customer's history opens. */
  hrefFor: (conversation: Conversation) => string;
}

export function ConversationInfoPanel({ conversation, hrefFor }: ConversationInfoPanelProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const inbox = useInbox(conversation.inboxId).data;

  return (
    <Stack gap="md" p="md" data-testid="info-panel">
      <Title order={2} size="h6" c="dimmed">
        {t('info.title')}
      </Title>

      <ContactSection conversation={conversation} />

      <Field label={t('info.otherConversations')}>
        <ContactConversations
          contactId={conversation.contact.id}
          currentId={conversation.id}
          hrefFor={hrefFor}
        />
        <UnavailableOpenConversations
          contactId={conversation.contact.id}
          currentId={conversation.id}
        />
      </Field>

      <Divider />

      <Field label={t('info.reference')}>
        <Group gap={4}>
          <Text size="sm" ff="monospace" data-testid="info-reference">
            {conversation.reference}
          </Text>
          <CopyValue value={conversation.reference} />
        </Group>
      </Field>
      <Field label={t('info.status')}>
        <ConversationStatusBadge conversation={conversation} testId="info-status" />
      </Field>
      {conversation.rating && (
        <Field label={t('webchat.rating')}>
          <ConversationRating rating={conversation.rating} />
        </Field>
      )}
      <Field label={t('info.tags')}>
        <ConversationTags conversation={conversation} />
      </Field>
      <Field label={t('info.assignee')}>
        <Text size="sm" c={conversation.assignee ? undefined : 'dimmed'}>
          {conversation.assignee?.name ?? t('info.unassigned')}
        </Text>
      </Field>
      <Field label={t('info.inbox')}>
        <Group gap="xs" wrap="nowrap">
          <ChannelIcon kind={conversation.inbox.kind} />
          <Text size="sm" truncate>
            {conversation.inbox.name}
          </Text>
        </Group>
        {inbox?.address && (
          <Text size="xs" c="dimmed" truncate>
            {inbox.address}
          </Text>
        )}
      </Field>
      <Field label={t('info.created')}>
        <Text size="sm">{formatDateTime(locale, new Date(conversation.createdAt))}</Text>
      </Field>
      {conversation.closedAt && (
        <Field label={t('info.closedAt')}>
          <Text size="sm">{formatDateTime(locale, new Date(conversation.closedAt))}</Text>
        </Field>
      )}
    </Stack>
  );
}
