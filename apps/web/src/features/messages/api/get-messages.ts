import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MessagePage } from '../types';

const PAGE_SIZE = 50;

export const messageKeys = {
  all: ['messages'] as const,
  list: (conversationId: string) => [...messageKeys.all, 'list', conversationId] as const,
};

/** One page of a thread, oldest first; `nextCursor` points further back in time. */
export function getMessages(
  conversationId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<MessagePage> {
  return api.get<MessagePage>(
    `/conversations/${encodeURIComponent(conversationId)}/messages`,
    { limit: PAGE_SIZE, cursor },
    signal,
  );
}

export function messagesQueryOptions(conversationId: string) {
  return infiniteQueryOptions({
    queryKey: messageKeys.list(conversationId),
    queryFn: ({ pageParam, signal }) => getMessages(conversationId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useMessages(conversationId: string) {
  return useInfiniteQuery(messagesQueryOptions(conversationId));
}
