import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function snoozeConversation(conversationId: string, until: Date): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/snooze`, {
    until: until.toISOString(),
  });
}

export function useSnoozeConversation(conversationId: string) {
  return useConversationAction(conversationId, (until: Date) =>
    snoozeConversation(conversationId, until),
  );
}
