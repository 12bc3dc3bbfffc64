import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ConversationFilters, ConversationPage, ConversationTab } from '../types';

const PAGE_SIZE = 25;

/**
 * Whose inbox a list or the tab counts show (supervisor mode): my own tabs (`mine`), every
 * conversation of the workspace (`all`, staff only), or one agent's own tabs (staff only).
 */
export type ConversationScope = { scope: 'mine' | 'all' } | { agentId: string };

export const MY_INBOX: ConversationScope = { scope: 'mine' };

/** The query-string form of a scope, as GET /conversations and /conversations/counts take it. */
export function scopeQuery(scope: ConversationScope): { scope?: string; agentId?: string } {
  return 'agentId' in scope ? { agentId: scope.agentId } : { scope: scope.scope };
}

export const conversationListKeys = {
  all: ['conversations', 'list'] as const,
  tab: (
    tab: ConversationTab,
    filters: ConversationFilters = {},
    scope: ConversationScope = MY_INBOX,
  ) => [...conversationListKeys.all, tab, filters, scopeQuery(scope)] as const,
};

export function getConversations(
  tab: ConversationTab,
  cursor: string | null,
  signal?: AbortSignal,
  filters: ConversationFilters = {},
  scope: ConversationScope = MY_INBOX,
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
      ...scopeQuery(scope),
    },
    signal,
  );
}

export function conversationsQueryOptions(
  tab: ConversationTab,
  filters: ConversationFilters = {},
  scope: ConversationScope = MY_INBOX,
) {
  return infiniteQueryOptions({
    queryKey: conversationListKeys.tab(tab, filters, scope),
    queryFn: ({ pageParam, signal }) => getConversations(tab, pageParam, signal, filters, scope),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useConversations(
  tab: ConversationTab,
  filters: ConversationFilters = {},
  scope: ConversationScope = MY_INBOX,
) {
  return useInfiniteQuery(conversationsQueryOptions(tab, filters, scope));
}
