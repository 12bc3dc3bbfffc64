import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ConversationPage, ConversationTab } from '../types';

const PAGE_SIZE = 25;

export const conversationListKeys = {
  all: ['conversations', 'list'] as const,
  tab: (tab: ConversationTab) => [...conversationListKeys.all, tab] as const,
};

export function getConversations(
  tab: ConversationTab,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ConversationPage> {
  return api.get<ConversationPage>('/conversations', { tab, limit: PAGE_SIZE, cursor }, signal);
}

export function conversationsQueryOptions(tab: ConversationTab) {
  return infiniteQueryOptions({
    queryKey: conversationListKeys.tab(tab),
    queryFn: ({ pageParam, signal }) => getConversations(tab, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useConversations(tab: ConversationTab) {
  return useInfiniteQuery(conversationsQueryOptions(tab));
}
