import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function markUnread(conversationId: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/unread`);
}

export function useMarkUnread(conversationId: string) {
  return useConversationAction(conversationId, () => markUnread(conversationId));
}
