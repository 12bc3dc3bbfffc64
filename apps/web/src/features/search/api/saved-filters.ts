import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type { SavedFilter, SavedFilterQuery } from '../types';

export const savedFilterKeys = {
  all: ['saved-filters'] as const,
};

// The contract does not say whether the list is bare or wrapped; accept both.
type SavedFilterList = SavedFilter[] | { items: SavedFilter[] };

export async function getSavedFilters(signal?: AbortSignal): Promise<SavedFilter[]> {
  const body = await api.get<SavedFilterList>('/saved-filters', undefined, signal);
  return Array.isArray(body) ? body : body.items;
}

export function savedFiltersQueryOptions() {
  return queryOptions({
    queryKey: savedFilterKeys.all,
    queryFn: ({ signal }) => getSavedFilters(signal),
    meta: { inlineErrors: true },
  });
}

export function useSavedFilters(enabled = true) {
  return useQuery({ ...savedFiltersQueryOptions(), enabled });
}

export function useCreateSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: SavedFilterQuery }) =>
      api.post<SavedFilter>('/saved-filters', input),
    meta: { inlineErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedFilterKeys.all }),
  });
}

export function useDeleteSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/saved-filters/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onMutate: (id) => {
      queryClient.setQueryData<SavedFilter[]>(savedFilterKeys.all, (list) =>
        list?.filter((filter) => filter.id !== id),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedFilterKeys.all }),
  });
}
