import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ConversationFilters, ConversationPage, ConversationTab } from '../types';

const PAGE_SIZE = 25;

export const conversationListKeys = {
  all: ['conversations', 'list'] as const,
  tab: (tab: ConversationTab, filters: ConversationFilters = {}) =>
    [...conversationListKeys.all, tab, filters] as const,
};

export function getConversations(
  tab: ConversationTab,
  cursor: string | null,
  signal?: AbortSignal,
  filters: ConversationFilters = {},
): Promise<ConversationPage> {
  return api.get<ConversationPage>(
    '/conversations',
    {
      tab,
      limit: PAGE_SIZE,
      cursor,
      view: filters.view,
      tagId: filters.tagId,
      teamId: filters.teamId,
      inboxId: filters.inboxId,
    },
    signal,
  );
}

export function conversationsQueryOptions(tab: ConversationTab, filters: ConversationFilters = {}) {
  return infiniteQueryOptions({
    queryKey: conversationListKeys.tab(tab, filters),
    queryFn: ({ pageParam, signal }) => getConversations(tab, pageParam, signal, filters),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useConversations(tab: ConversationTab, filters: ConversationFilters = {}) {
  return useInfiniteQuery(conversationsQueryOptions(tab, filters));
}
