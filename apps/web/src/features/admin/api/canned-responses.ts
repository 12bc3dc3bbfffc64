import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { CannedResponse, CannedResponseInput } from '../types';
import { adminKeys } from './admin-keys';

const cannedPath = (id: string) => `/canned-responses/${encodeURIComponent(id)}`;

export function useCannedResponses() {
  return useQuery({
    queryKey: adminKeys.cannedResponses,
    queryFn: ({ signal }) => apiRequest<CannedResponse[]>('/canned-responses', { signal }),
    select: (items) => [...items].sort((a, b) => a.shortcut.localeCompare(b.shortcut)),
  });
}

export function useSaveCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { inlineErrors: true },
    mutationFn: ({ id, response }: { id?: string; response: CannedResponseInput }) =>
      id
        ? apiRequest<CannedResponse>(cannedPath(id), { method: 'PATCH', body: response })
        : apiRequest<CannedResponse>('/canned-responses', { method: 'POST', body: response }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['canned-responses'] }),
  });
}

export function useDeleteCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { inlineErrors: true },
    mutationFn: (id: string) => apiRequest<void>(cannedPath(id), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['canned-responses'] }),
  });
}
