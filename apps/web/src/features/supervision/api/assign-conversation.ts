import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  conversationKeys,
  invalidateConversationQueries,
  type Conversation,
} from '@/features/conversations';
import { api } from '@/lib/api-client';

/** Staff give a waiting or open conversation to an agent (POST /conversations/:id/assign). */
export function assignConversation(conversationId: string, userId: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/assign`, {
    userId,
  });
}

export function useAssignConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => assignConversation(conversationId, userId),
    // The dialog explains the refusal next to its buttons (e.g. the agent is at capacity).
    meta: { inlineErrors: true },
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationKeys.detail(conversationId), conversation);
    },
    // Both agents' lists, the counts and the thread's activity line change.
    onSettled: () => invalidateConversationQueries(queryClient, [conversationId]),
  });
}
