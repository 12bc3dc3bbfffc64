import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Inbox } from '../types';

export const inboxKeys = {
  all: ['inboxes'] as const,
  list: () => [...inboxKeys.all, 'list'] as const,
};

export function getInboxes(signal?: AbortSignal): Promise<Inbox[]> {
  return api.get<Inbox[]>('/inboxes', undefined, signal);
}

export function inboxesQueryOptions() {
  return queryOptions({
    queryKey: inboxKeys.list(),
    queryFn: ({ signal }) => getInboxes(signal),
    // Inboxes are configuration: they change a few times a year, not per minute.
    staleTime: 10 * 60_000,
  });
}

export function useInboxes() {
  return useQuery(inboxesQueryOptions());
}

/** One inbox out of the cached list, for screens that only know its id. */
export function useInbox(inboxId: string | undefined) {
  return useQuery({
    ...inboxesQueryOptions(),
    select: (inboxes) => inboxes.find((inbox) => inbox.id === inboxId) ?? null,
  });
}
