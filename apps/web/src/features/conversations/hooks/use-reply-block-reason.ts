import { useTranslation } from 'react-i18next';
import type { Conversation } from '../types';

/**
 * Why the current user may not reply, or null when they may. Mirrors the API rule
 * (open and assigned to me) so the composer explains instead of failing on send.
 */
export function useReplyBlockReason(conversation: Conversation, userId: string): string | null {
  const { t } = useTranslation();
  if (conversation.status === 'waiting') return t('reply.disabled.waiting');
  if (conversation.status === 'closed') return t('reply.disabled.closed');
  if (!conversation.assignee) return t('reply.disabled.unassigned');
  if (conversation.assignee.id !== userId) {
    return t('reply.disabled.otherAgent', { name: conversation.assignee.name });
  }
  return null;
}
