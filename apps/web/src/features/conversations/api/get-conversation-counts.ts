import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ConversationCounts } from '../types';

export const conversationCountKeys = {
  all: ['conversations', 'counts'] as const,
};

export function getConversationCounts(signal?: AbortSignal): Promise<ConversationCounts> {
  return api.get<ConversationCounts>('/conversations/counts', undefined, signal);
}

export function conversationCountsQueryOptions() {
  return queryOptions({
    queryKey: conversationCountKeys.all,
    queryFn: ({ signal }) => getConversationCounts(signal),
  });
}

export function useConversationCounts() {
  return useQuery(conversationCountsQueryOptions());
}
