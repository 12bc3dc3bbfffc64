import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ContactConversationList } from '../types';

export const contactConversationKeys = {
  all: ['conversations', 'contact'] as const,
  list: (contactId: string) => [...contactConversationKeys.all, contactId] as const,
};

/** Every conversation of one customer, on every channel, newest first. */
export function getContactConversations(
  contactId: string,
  signal?: AbortSignal,
): Promise<ContactConversationList> {
  return api.get<ContactConversationList>(
    `/contacts/${encodeURIComponent(contactId)}/conversations`,
    undefined,
    signal,
  );
}

export function contactConversationsQueryOptions(contactId: string) {
  return queryOptions({
    queryKey: contactConversationKeys.list(contactId),
    queryFn: ({ signal }) => getContactConversations(contactId, signal),
    // The panel says so itself; a side panel should not raise a toast.
    meta: { inlineErrors: true },
  });
}

export function useContactConversations(contactId: string) {
  return useQuery(contactConversationsQueryOptions(contactId));
}
