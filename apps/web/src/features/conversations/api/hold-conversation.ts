import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function holdConversation(conversationId: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/hold`);
}

export function useHoldConversation(conversationId: string) {
  return useConversationAction(conversationId, () => holdConversation(conversationId));
}
