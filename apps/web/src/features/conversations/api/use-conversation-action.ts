import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Conversation } from '../types';
import { conversationKeys } from './get-conversation';
import { invalidateConversationQueries } from './invalidate-conversation';

/**
 * Shared behaviour of accept / close / reopen: show the returned conversation at once,
 * then refresh what it touches (tabs, counts, and the thread for its activity line).
 * On failure, the refresh shows whatever state won (e.g. a colleague accepted first).
 */
export function useConversationAction<TInput>(
  conversationId: string,
  request: (input: TInput) => Promise<Conversation>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationKeys.detail(conversationId), conversation);
    },
    onSettled: () => invalidateConversationQueries(queryClient, [conversationId]),
  });
}
