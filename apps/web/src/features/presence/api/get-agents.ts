import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Agent } from '../types';

export const agentKeys = {
  all: ['agents'] as const,
};

export function getAgents(signal?: AbortSignal): Promise<Agent[]> {
  return api.get<Agent[]>('/agents', undefined, signal);
}

export function agentsQueryOptions() {
  return queryOptions({
    queryKey: agentKeys.all,
    queryFn: ({ signal }) => getAgents(signal),
    // Pickers say so themselves; a dropdown should not raise a toast.
    meta: { inlineErrors: true },
  });
}

export function useAgents(enabled = true) {
  return useQuery({ ...agentsQueryOptions(), enabled });
}
