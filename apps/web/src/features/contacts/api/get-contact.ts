import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Contact } from '../types';

export const contactKeys = {
  all: ['contacts'] as const,
  detail: (contactId: string) => [...contactKeys.all, 'detail', contactId] as const,
};

export function getContact(contactId: string, signal?: AbortSignal): Promise<Contact> {
  return api.get<Contact>(`/contacts/${encodeURIComponent(contactId)}`, undefined, signal);
}

export function contactQueryOptions(contactId: string) {
  return queryOptions({
    queryKey: contactKeys.detail(contactId),
    queryFn: ({ signal }) => getContact(contactId, signal),
    // The info panel shows its own error; a side panel should not raise a toast.
    meta: { inlineErrors: true },
  });
}

export function useContact(contactId: string) {
  return useQuery(contactQueryOptions(contactId));
}
