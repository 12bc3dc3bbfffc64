import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function unsnoozeConversation(conversationId: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/unsnooze`);
}

export function useUnsnoozeConversation(conversationId: string) {
  return useConversationAction(conversationId, () => unsnoozeConversation(conversationId));
}
