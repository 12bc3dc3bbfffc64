import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Tag } from '../types';
import { adminKeys } from './admin-keys';

const tagPath = (id: string) => `/tags/${encodeURIComponent(id)}`;

export function useTags() {
  return useQuery({
    queryKey: adminKeys.tags,
    queryFn: ({ signal }) => apiRequest<Tag[]>('/tags', { signal }),
    select: (tags) => [...tags].sort((a, b) => a.name.localeCompare(b.name)),
  });
}

export function useSaveTag() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { inlineErrors: true },
    mutationFn: ({ id, tag }: { id?: string; tag: Omit<Tag, 'id'> }) =>
      id
        ? apiRequest<Tag>(tagPath(id), { method: 'PATCH', body: tag })
        : apiRequest<Tag>('/tags', { method: 'POST', body: tag }),
    // Conversations show tag names and colors too.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.tags }),
        queryClient.invalidateQueries({ queryKey: ['conversations'] }),
      ]),
  });
}

export function useDeleteTag() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { inlineErrors: true },
    mutationFn: (id: string) => apiRequest<void>(tagPath(id), { method: 'DELETE' }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.tags }),
        queryClient.invalidateQueries({ queryKey: ['conversations'] }),
      ]),
  });
}
