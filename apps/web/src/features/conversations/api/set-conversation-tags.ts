import { apiRequest } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

/** Replaces the conversation's tags with exactly these. */
export function setConversationTags(
  conversationId: string,
  tagIds: string[],
): Promise<Conversation> {
  return apiRequest<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/tags`, {
    method: 'PUT',
    body: { tagIds },
  });
}

export function useSetConversationTags(conversationId: string) {
  return useConversationAction(conversationId, (tagIds: string[]) =>
    setConversationTags(conversationId, tagIds),
  );
}
