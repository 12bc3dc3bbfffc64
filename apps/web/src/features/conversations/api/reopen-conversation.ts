import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function reopenConversation(conversationId: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/reopen`);
}

export function useReopenConversation(conversationId: string) {
  return useConversationAction(conversationId, () => reopenConversation(conversationId));
}
