import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CannedResponse } from '../types';

export const cannedKeys = {
  all: ['canned-responses'] as const,
  forConversation: (conversationId: string) => [...cannedKeys.all, conversationId] as const,
};

export function getCannedResponses(
  conversationId: string,
  signal?: AbortSignal,
): Promise<CannedResponse[]> {
  return api.get<CannedResponse[]>(
    `/conversations/${encodeURIComponent(conversationId)}/canned-responses`,
    undefined,
    signal,
  );
}

/** Loaded when the agent first types "/", not for every conversation they glance at. */
export function useCannedResponses(conversationId: string, enabled: boolean) {
  return useQuery(
    queryOptions({
      queryKey: cannedKeys.forConversation(conversationId),
      queryFn: ({ signal }) => getCannedResponses(conversationId, signal),
      staleTime: 60_000,
      meta: { inlineErrors: true },
      enabled,
    }),
  );
}
