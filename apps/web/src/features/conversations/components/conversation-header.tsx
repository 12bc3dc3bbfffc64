import { ActionIcon, Avatar, Box, Group, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyValue } from '@/components/ui/copy-value';
import { ChannelIcon } from '@/features/inboxes';
import { TagChip } from '@/features/tags';
import type { Conversation } from '../types';
import { ContactName } from './contact-name';
import { ConversationActions } from './conversation-actions';
import { ConversationStatusBadge } from './conversation-status-badge';
import classes from './conversation-list.module.css';

interface ConversationHeaderProps {
  conversation: Conversation;
  /** Shown on small screens, where the list and the thread take turns. */
  onBack?: () => void;
  onOpened?: () => void;
  /** The conversation left my view (transferred away, hidden, marked unread). */
  onLeave?: () => void;
  /** More actions for this viewer, shown with the others (supervisor mode). */
  extraActions?: ReactNode;
}

export function ConversationHeader({
  conversation,
  onBack,
  onOpened,
  onLeave,
  extraActions,
}: ConversationHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      px="md"
      py="sm"
      gap="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      data-testid="conversation-header"
      data-reference={conversation.reference}
      data-status={conversation.status}
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {onBack && (
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onBack}
            aria-label={t('common.back')}
            hiddenFrom="sm"
          >
            <IconArrowLeft size={18} />
          </ActionIcon>
        )}
        <Avatar
          name={conversation.contact.name ?? undefined}
          color="initials"
          radius="xl"
          visibleFrom="xs"
        />
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0, overflow: 'hidden' }}>
            <Text fw={600} truncate>
              <ContactName contact={conversation.contact} />
            </Text>
            <ChannelIcon kind={conversation.inbox.kind} />
          </Group>
          {/* The status badge is never cut; the assignee or team moves to a line of its own. */}
          <Group gap={6} wrap="wrap" style={{ minWidth: 0, rowGap: 0 }}>
            <Text
              c="dimmed"
              className={classes.reference}
              style={{ whiteSpace: 'nowrap' }}
              data-testid="conversation-reference"
            >
              {conversation.reference}
            </Text>
            <CopyValue value={conversation.reference} />
            <Box style={{ flexShrink: 0, display: 'flex' }}>
              <ConversationStatusBadge conversation={conversation} />
            </Box>
            {conversation.assignee ? (
              <Text
                size="xs"
                c="dimmed"
                truncate
                maw="100%"
                visibleFrom="md"
                data-testid="header-assignee"
              >
                {t('info.assignee')}: {conversation.assignee.name}
              </Text>
            ) : (
              conversation.team && (
                <Text size="xs" c="dimmed" truncate maw="100%" visibleFrom="md">
                  {t('workflow.team')}: {conversation.team.name}
                </Text>
              )
            )}
          </Group>
          {conversation.tags && conversation.tags.length > 0 && (
            <Group
              gap={4}
              wrap="nowrap"
              mt={4}
              style={{ overflow: 'hidden' }}
              data-testid="header-tags"
            >
              {conversation.tags.map((tag) => (
                <TagChip key={tag.id} tag={tag} />
              ))}
            </Group>
          )}
        </div>
      </Group>
      <ConversationActions
        conversation={conversation}
        onOpened={onOpened}
        onLeave={onLeave}
        extra={extraActions}
      />
    </Group>
  );
}
