import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ConversationCounts } from '../types';
import { MY_INBOX, scopeQuery, type ConversationScope } from './get-conversations';

export const conversationCountKeys = {
  all: ['conversations', 'counts'] as const,
  scoped: (scope: ConversationScope) => [...conversationCountKeys.all, scopeQuery(scope)] as const,
};

export function getConversationCounts(
  scope: ConversationScope,
  signal?: AbortSignal,
): Promise<ConversationCounts> {
  return api.get<ConversationCounts>('/conversations/counts', scopeQuery(scope), signal);
}

/** The tab counts of the same inbox the list shows (mine, everyone's or one agent's). */
export function conversationCountsQueryOptions(scope: ConversationScope = MY_INBOX) {
  return queryOptions({
    queryKey: conversationCountKeys.scoped(scope),
    queryFn: ({ signal }) => getConversationCounts(scope, signal),
  });
}

export function useConversationCounts(scope: ConversationScope = MY_INBOX) {
  return useQuery(conversationCountsQueryOptions(scope));
}
