import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AgentMonitor } from '../types';

export const monitorKeys = {
  all: ['supervisor', 'monitor'] as const,
};

export function getAgentMonitor(signal?: AbortSignal): Promise<AgentMonitor> {
  return api.get<AgentMonitor>('/supervisor/monitor', undefined, signal);
}

// Hints keep the screen current; this only catches what sends none, like midnight resetting
// "closed today".
const SAFETY_REFRESH_MS = 60_000;

export function agentMonitorQueryOptions() {
  return queryOptions({
    queryKey: monitorKeys.all,
    queryFn: ({ signal }) => getAgentMonitor(signal),
    refetchInterval: SAFETY_REFRESH_MS,
    // The page shows its own error state with a retry button.
    meta: { inlineErrors: true },
  });
}

export function useAgentMonitor() {
  return useQuery(agentMonitorQueryOptions());
}
