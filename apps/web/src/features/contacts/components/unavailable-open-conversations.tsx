import { Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '@/features/inboxes';
import { useContact } from '../api/get-contact';

interface UnavailableOpenConversationsProps {
  contactId: string;
  currentId: string;
}

/**
 * Live conversations of this customer the agent may not open (another team's queue, a
 * colleague's Open): shown without a link, so nobody answers the same customer twice unaware.
 */
export function UnavailableOpenConversations({
  contactId,
  currentId,
}: UnavailableOpenConversationsProps) {
  const { t } = useTranslation();
  const contact = useContact(contactId).data;
  const others = (contact?.openConversations ?? []).filter(
    (conversation) => !conversation.visible && conversation.id !== currentId,
  );
  if (others.length === 0) return null;
  return (
    <Stack gap={4} mt={6} data-testid="unavailable-open-conversations">
      {others.map((conversation) => (
        <Tooltip key={conversation.id} label={t('info.notYours')} withArrow openDelay={300}>
          <Group
            gap="xs"
            wrap="nowrap"
            px={8}
            py={6}
            mx={-8}
            style={{
              borderRadius: 'var(--mantine-radius-sm)',
              background: 'var(--mantine-color-orange-light)',
            }}
            data-testid="unavailable-open-conversation"
          >
            <ChannelIcon kind={conversation.inbox.kind} withTooltip={false} />
            <Text size="xs" ff="monospace">
              {conversation.reference}
            </Text>
            <Text size="xs" c="dimmed" truncate style={{ flex: 1 }}>
              {t(`status.${conversation.status}`)}
              {conversation.assignee ? ` · ${conversation.assignee.name}` : ''}
            </Text>
            <IconLock size={12} aria-hidden />
          </Group>
        </Tooltip>
      ))}
    </Stack>
  );
}
