import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function joinConversation(conversationId: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/join`);
}

export function useJoinConversation(conversationId: string) {
  return useConversationAction(conversationId, () => joinConversation(conversationId));
}
