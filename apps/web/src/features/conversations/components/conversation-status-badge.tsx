import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatWakeTime } from '../utils/format-wake-time';
import { currentLocale } from '@/lib/i18n';
import type { Conversation } from '../types';

const STATUS_COLOR = { waiting: 'orange', open: 'blue', closed: 'gray' } as const;
const PHASE_COLOR = {
  in_progress: 'blue',
  waiting_customer: 'cyan',
  needs_help: 'red',
  snoozed: 'violet',
} as const;

interface ConversationStatusBadgeProps {
  conversation: Conversation;
  size?: MantineSize;
  /** Other lists of conversations use their own id, so tests find the header's badge. */
  testId?: string;
}

/** Status, refined by phase while open and by outcome once closed. */
export function ConversationStatusBadge({
  conversation,
  size,
  testId = 'conversation-status',
}: ConversationStatusBadgeProps) {
  const { t } = useTranslation();
  const snoozedUntil =
    conversation.phase === 'snoozed' && conversation.snoozedUntil
      ? t('workflow.snoozedUntil', {
          time: formatWakeTime(currentLocale(), new Date(conversation.snoozedUntil)),
        })
      : null;
  const detail =
    conversation.status === 'open'
      ? (snoozedUntil ?? t(`phase.${conversation.phase}`))
      : conversation.status === 'closed' && conversation.outcome
        ? t(`outcome.${conversation.outcome}`)
        : null;
  return (
    <Badge
      variant="light"
      size={size}
      color={
        conversation.status === 'open'
          ? PHASE_COLOR[conversation.phase]
          : STATUS_COLOR[conversation.status]
      }
      data-testid={testId}
      data-status={conversation.status}
      data-phase={conversation.phase}
      style={{ minWidth: 0, flexShrink: 0.2 }}
    >
      {t(`status.${conversation.status}`)}
      {detail ? ` · ${detail}` : ''}
    </Badge>
  );
}
