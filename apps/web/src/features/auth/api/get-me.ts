import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api-client';
import type { User } from '../types';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** The signed-in user, or null when there is no valid session (401 is an answer, not an error). */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const { user } = await api.get<{ user: User }>('/auth/me', undefined, signal);
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    // RequireAuth shows its own error screen; background re-checks must not toast.
    meta: { silentErrors: true },
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
