import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '@/features/auth';
import { apiRequest } from '@/lib/api-client';
import type { Presence } from '../types';
import { agentKeys } from './get-agents';

export function setPresence(presence: Presence): Promise<{ presence: Presence }> {
  return apiRequest<{ presence: Presence }>('/me/presence', { method: 'PUT', body: { presence } });
}

export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPresence,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.me() }),
        queryClient.invalidateQueries({ queryKey: agentKeys.all }),
      ]),
  });
}
