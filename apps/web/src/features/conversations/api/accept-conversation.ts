import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function acceptConversation(conversationId: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/accept`);
}

export function useAcceptConversation(conversationId: string) {
  return useConversationAction(conversationId, () => acceptConversation(conversationId));
}
