import {
  queryOptions,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ContactConversationList, Conversation, ConversationPage } from '../types';
import { contactConversationKeys } from './get-contact-conversations';
import { conversationListKeys } from './get-conversations';

export const conversationKeys = {
  all: ['conversations', 'detail'] as const,
  detail: (conversationId: string) => [...conversationKeys.all, conversationId] as const,
};

export function getConversation(conversationId: string, signal?: AbortSignal) {
  return api.get<Conversation>(
    `/conversations/${encodeURIComponent(conversationId)}`,
    undefined,
    signal,
  );
}

export function conversationQueryOptions(conversationId: string) {
  return queryOptions({
    queryKey: conversationKeys.detail(conversationId),
    queryFn: ({ signal }) => getConversation(conversationId, signal),
  });
}

/**
 * The row a list already loaded (a tab, or the customer's history in the info panel), so the
 * header paints before the detail request returns.
 */
function findInLists(queryClient: QueryClient, conversationId: string) {
  const lists = queryClient.getQueriesData<InfiniteData<ConversationPage>>({
    queryKey: conversationListKeys.all,
  });
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      const match = page.items.find((item) => item.id === conversationId);
      if (match) return match;
    }
  }
  const histories = queryClient.getQueriesData<ContactConversationList>({
    queryKey: contactConversationKeys.all,
  });
  for (const [, data] of histories) {
    const match = data?.items.find((item) => item.id === conversationId);
    if (match) return match;
  }
  return undefined;
}

export function useConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...conversationQueryOptions(conversationId),
    placeholderData: () => findInLists(queryClient, conversationId),
  });
}
