import { useTranslation } from 'react-i18next';
import { conversationPermissions } from '../permissions';
import type { Conversation } from '../types';

/**
 * Why the current user may not reply to the customer, or null when they may. Mirrors the API
 * rule (open, and mine, I was invited or joined, or I am staff) so the composer explains
 * instead of failing on send. Notes stay possible either way.
 */
export function useReplyBlockReason(
  conversation: Conversation,
  user: { id: string; role: 'agent' | 'supervisor' | 'admin' },
): string | null {
  const { t } = useTranslation();
  if (conversation.status === 'waiting') return t('reply.disabled.waiting');
  if (conversation.status === 'closed') return t('reply.disabled.closed');
  if (conversationPermissions(conversation, user).reply) return null;
  if (!conversation.assignee) return t('reply.disabled.unassigned');
  // A teammate's conversation that asks for help: the header offers Join.
  if (conversation.phase === 'needs_help') return t('reply.disabled.joinToReply');
  return t('reply.disabled.otherAgent', { name: conversation.assignee.name });
}
