import { Avatar, Divider, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconBrandWhatsapp,
  IconId,
  IconMail,
  IconPhone,
  IconWorld,
  type IconProps,
} from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyValue } from '@/components/ui/copy-value';
import { ChannelIcon, useInbox } from '@/features/inboxes';
import { formatDateTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import type { ContactIdentity, Conversation } from '../types';
import { ContactConversations } from './contact-conversations';
import { ContactName } from './contact-name';
import { ConversationStatusBadge } from './conversation-status-badge';

// Partial: the API may add identity kinds before this app knows them.
const IDENTITY_ICONS: Partial<Record<string, ComponentType<IconProps>>> = {
  phone: IconPhone,
  whatsapp: IconBrandWhatsapp,
  email: IconMail,
  web: IconWorld,
};

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

function IdentityRow({ identity }: { identity: ContactIdentity }) {
  const { t } = useTranslation();
  const Icon = IDENTITY_ICONS[identity.kind] ?? IconId;
  const kind = t(`identity.${identity.kind}`, { defaultValue: identity.kind });
  return (
    <Group gap="xs" wrap="nowrap" data-testid="contact-identity" data-kind={identity.kind}>
      <Icon size={16} stroke={1.7} aria-hidden style={{ flexShrink: 0 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" truncate>
          {identity.address}
        </Text>
        <Text size="xs" c="dimmed">
          {kind}
        </Text>
      </div>
      <CopyValue value={identity.address} />
    </Group>
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
  const { contact } = conversation;

  return (
    <Stack gap="md" p="md" data-testid="info-panel">
      <Title order={2} size="h6" c="dimmed">
        {t('info.title')}
      </Title>
      <Stack align="center" gap={4}>
        <Avatar name={contact.name ?? undefined} color="initials" size="lg" radius="xl" />
        <Text fw={600} ta="center">
          <ContactName contact={contact} />
        </Text>
      </Stack>

      <Field label={t('info.identities')}>
        {contact.identities.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('info.noIdentities')}
          </Text>
        ) : (
          <Stack gap={6} mt={4}>
            {contact.identities.map((identity) => (
              <IdentityRow key={`${identity.kind}:${identity.address}`} identity={identity} />
            ))}
          </Stack>
        )}
      </Field>

      <Field label={t('info.otherConversations')}>
        <ContactConversations
          contactId={contact.id}
          currentId={conversation.id}
          hrefFor={hrefFor}
        />
      </Field>

      <Divider />

      <Field label={t('info.reference')}>
        <Group gap={4}>
          <Text size="sm" ff="monospace">
            {conversation.reference}
          </Text>
          <CopyValue value={conversation.reference} />
        </Group>
      </Field>
      <Field label={t('info.status')}>
        <ConversationStatusBadge conversation={conversation} />
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
