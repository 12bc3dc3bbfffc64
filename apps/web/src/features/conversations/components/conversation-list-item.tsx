import { Group, Text } from '@mantine/core';
import { IconUser, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RelativeTime } from '@/components/ui/relative-time';
import { ChannelIcon } from '@/features/inboxes';
import { TagChip } from '@/features/tags';
import { formatDuration } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import { useNow } from '@/lib/use-now';
import type { Conversation } from '../types';
import { formatWakeTime } from '../utils/format-wake-time';
import { contactName } from './contact-name';
import classes from './conversation-list.module.css';

const MINUTE = 60_000;

/** Waiting time turns orange, then red, as it eats into a typical first-response target. */
function waitingColor(ms: number): string {
  if (ms >= 60 * MINUTE) return 'red';
  if (ms >= 15 * MINUTE) return 'orange';
  return 'dimmed';
}

function WaitingTime({ since }: { since: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const waited = now - new Date(since).getTime();
  return (
    <Text size="xs" c={waitingColor(waited)} fw={500} data-testid="waiting-time">
      {t('conversationList.waitingFor', { duration: formatDuration(t, waited) })}
    </Text>
  );
}

/** Who holds it: its agent, else the team whose queue it waits in (supervisor mode). */
function Holder({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { assignee, team } = conversation;
  const Icon = assignee ? IconUser : IconUsers;
  const label = assignee
    ? assignee.name
    : team
      ? t('supervision.holder.team', { team: team.name })
      : t('supervision.holder.nobody');
  return (
    <Group gap={4} wrap="nowrap" mt={4} c="dimmed" data-testid="conversation-holder">
      <Icon size={12} style={{ flexShrink: 0 }} aria-hidden />
      <Text size="xs" truncate title={t('supervision.holder.label')}>
        {label}
      </Text>
    </Group>
  );
}

interface ConversationListItemProps {
  conversation: Conversation;
  href: string;
  selected: boolean;
  /** Say who holds it (supervisor mode, where the list is not only mine). */
  showHolder?: boolean;
}

export function ConversationListItem({
  conversation,
  href,
  selected,
  showHolder = false,
}: ConversationListItemProps) {
  const { t } = useTranslation();
  const unread = conversation.unreadCount > 0;
  const name = contactName(conversation.contact) ?? t('conversationList.unknownContact');

  return (
    <Link
      to={href}
      className={classes.row}
      aria-current={selected ? 'page' : undefined}
      data-testid="conversation-item"
      data-reference={conversation.reference}
      data-conversation-id={conversation.id}
      data-unread={unread}
      data-phase={conversation.phase}
    >
      <div style={{ paddingTop: 2 }}>
        <ChannelIcon kind={conversation.inbox.kind} size={18} />
      </div>
      <div className={classes.body}>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" fw={unread ? 700 : 500} truncate>
            {name}
          </Text>
          <RelativeTime
            value={conversation.lastMessageAt}
            size="xs"
            c={unread ? undefined : 'dimmed'}
            fw={unread ? 600 : undefined}
            style={{ flexShrink: 0 }}
          />
        </Group>
        <Group gap="xs" wrap="nowrap" justify="space-between" mt={2}>
          <Text size="sm" c={unread ? undefined : 'dimmed'} truncate>
            {conversation.lastMessagePreview ?? t('conversationList.noPreview')}
          </Text>
          {unread && (
            <span
              className={classes.unreadDot}
              role="img"
              aria-label={t('conversationList.unread')}
              data-testid="unread-dot"
            />
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" mt={4}>
          <Text c="dimmed" className={classes.reference}>
            {conversation.reference}
          </Text>
          {conversation.status === 'waiting' && conversation.waitingSince && (
            <WaitingTime since={conversation.waitingSince} />
          )}
          {conversation.status === 'waiting' && conversation.receivedOffline && (
            <Text size="xs" c="grape" fw={500} truncate data-testid="offline-message">
              {t('conversationList.offlineMessage')}
            </Text>
          )}
          {conversation.status === 'open' &&
          conversation.phase === 'snoozed' &&
          conversation.snoozedUntil ? (
            <Text size="xs" c="violet" fw={500} truncate data-testid="snoozed-until">
              {t('workflow.list.wakesAt', {
                time: formatWakeTime(currentLocale(), new Date(conversation.snoozedUntil)),
              })}
            </Text>
          ) : (
            conversation.status === 'open' &&
            conversation.phase !== 'in_progress' && (
              <Text
                size="xs"
                c={conversation.phase === 'needs_help' ? 'red' : 'dimmed'}
                fw={conversation.phase === 'needs_help' ? 600 : undefined}
                truncate
              >
                {t(`phase.${conversation.phase}`)}
              </Text>
            )
          )}
          {conversation.status === 'closed' && conversation.outcome && (
            <Text size="xs" c="dimmed" truncate>
              {t(`outcome.${conversation.outcome}`)}
            </Text>
          )}
        </Group>
        {showHolder && <Holder conversation={conversation} />}
        {conversation.tags && conversation.tags.length > 0 && (
          <Group gap={4} wrap="nowrap" mt={6} style={{ overflow: 'hidden' }}>
            {conversation.tags.map((tag) => (
              <TagChip key={tag.id} tag={tag} />
            ))}
          </Group>
        )}
      </div>
    </Link>
  );
}
