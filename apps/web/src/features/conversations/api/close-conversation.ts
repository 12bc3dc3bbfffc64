import { api } from '@/lib/api-client';
import type { Conversation, ConversationOutcome } from '../types';
import { useConversationAction } from './use-conversation-action';

export function closeConversation(
  conversationId: string,
  outcome: ConversationOutcome,
): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/close`, {
    outcome,
  });
}

export function useCloseConversation(conversationId: string) {
  return useConversationAction(conversationId, (outcome: ConversationOutcome) =>
    closeConversation(conversationId, outcome),
  );
}
