import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../types';

const STATUS_COLOR = { waiting: 'orange', open: 'blue', closed: 'gray' } as const;

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
  const detail =
    conversation.status === 'open'
      ? t(`phase.${conversation.phase}`)
      : conversation.status === 'closed' && conversation.outcome
        ? t(`outcome.${conversation.outcome}`)
        : null;
  return (
    <Badge
      variant="light"
      size={size}
      color={
        conversation.phase === 'needs_help' && conversation.status === 'open'
          ? 'red'
          : STATUS_COLOR[conversation.status]
      }
      data-testid={testId}
      data-status={conversation.status}
      data-phase={conversation.phase}
    >
      {t(`status.${conversation.status}`)}
      {detail ? ` · ${detail}` : ''}
    </Badge>
  );
}
