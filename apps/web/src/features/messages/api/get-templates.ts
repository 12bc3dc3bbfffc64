import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { TemplateList } from '../types';

export const templateKeys = {
  all: ['templates'] as const,
  list: (inboxId: string) => [...templateKeys.all, 'list', inboxId] as const,
};

/** The inbox's approved WhatsApp templates, as last synced from the provider. */
export function getTemplates(inboxId: string, signal?: AbortSignal): Promise<TemplateList> {
  return api.get<TemplateList>(
    `/inboxes/${encodeURIComponent(inboxId)}/templates`,
    undefined,
    signal,
  );
}

export function templatesQueryOptions(inboxId: string) {
  return queryOptions({
    queryKey: templateKeys.list(inboxId),
    queryFn: ({ signal }) => getTemplates(inboxId, signal),
    // Approval takes Meta minutes to days; agents refresh by hand when they expect a new one.
    staleTime: 5 * 60_000,
    meta: { inlineErrors: true },
  });
}

export function useTemplates(inboxId: string) {
  return useQuery(templatesQueryOptions(inboxId));
}
