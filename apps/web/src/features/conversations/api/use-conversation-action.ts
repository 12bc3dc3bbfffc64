import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Conversation } from '../types';
import { conversationKeys } from './get-conversation';
import { invalidateConversationQueries } from './invalidate-conversation';

interface ConversationActionOptions {
  /** The dialog shows the error next to its buttons instead of a toast (e.g. at_capacity). */
  inlineErrors?: boolean;
}

/**
 * Shared behaviour of the conversation actions (accept, transfer, snooze…): show the returned
 * conversation at once, then refresh what it touches (tabs, counts, and the thread for its
 * activity line). On failure, the refresh shows whatever state won (e.g. a colleague accepted
 * first).
 */
export function useConversationAction<TInput>(
  conversationId: string,
  request: (input: TInput) => Promise<Conversation | undefined>,
  options: ConversationActionOptions = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    meta: options.inlineErrors ? { inlineErrors: true } : undefined,
    onSuccess: (conversation) => {
      // Some actions answer 204; those only refresh.
      if (conversation?.id === conversationId) {
        queryClient.setQueryData(conversationKeys.detail(conversationId), conversation);
      }
    },
    onSettled: () => invalidateConversationQueries(queryClient, [conversationId]),
  });
}
