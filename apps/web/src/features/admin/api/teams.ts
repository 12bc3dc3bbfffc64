import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Team, TeamInput } from '../types';
import { adminKeys } from './admin-keys';

const teamPath = (id: string) => `/teams/${encodeURIComponent(id)}`;

export function useTeams() {
  return useQuery({
    queryKey: adminKeys.teams,
    queryFn: ({ signal }) => apiRequest<Team[]>('/teams', { signal }),
  });
}

interface SaveTeamInput {
  /** None: create a new team. */
  id?: string;
  team: TeamInput;
  /** Only when the members changed. */
  memberIds?: string[];
}

/** Creates or updates a team, then its members: the form saves both with one button. */
export function useSaveTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { inlineErrors: true },
    mutationFn: async ({ id, team, memberIds }: SaveTeamInput) => {
      const saved = id
        ? await apiRequest<Team>(teamPath(id), { method: 'PATCH', body: team })
        : await apiRequest<Team>('/teams', { method: 'POST', body: team });
      if (!memberIds) return saved;
      return apiRequest<Team>(`${teamPath(saved.id)}/members`, {
        method: 'PUT',
        body: { userIds: memberIds },
      });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.teams }),
        queryClient.invalidateQueries({ queryKey: adminKeys.agents }),
      ]),
  });
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { inlineErrors: true },
    mutationFn: (id: string) => apiRequest<void>(teamPath(id), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.teams }),
  });
}
