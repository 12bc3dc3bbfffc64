import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Team } from '../types';

export const teamKeys = {
  all: ['teams'] as const,
};

export function getTeams(signal?: AbortSignal): Promise<Team[]> {
  return api.get<Team[]>('/teams', undefined, signal);
}

export function useTeams(enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: teamKeys.all,
      queryFn: ({ signal }) => getTeams(signal),
      meta: { inlineErrors: true },
      enabled,
    }),
  );
}
