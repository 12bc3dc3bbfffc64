import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { User } from '../types';
import { meQueryOptions } from './get-me';

export interface LoginInput {
  email: string;
  password: string;
}

export function login(input: LoginInput): Promise<{ user: User }> {
  return api.post<{ user: User }>('/auth/login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // The form shows this error inline, in the user's language.
    meta: { silentErrors: true },
    onSuccess: async () => {
      // Nothing cached under a previous session may leak into this one.
      queryClient.clear();
      await queryClient.fetchQuery(meQueryOptions());
    },
  });
}
