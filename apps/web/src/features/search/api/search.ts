import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SearchResults } from '../types';

/** Shorter queries match nearly everything and help nobody. */
export const MIN_QUERY_LENGTH = 2;

export const searchKeys = {
  all: ['search'] as const,
  query: (q: string) => [...searchKeys.all, q] as const,
};

export function search(q: string, signal?: AbortSignal): Promise<SearchResults> {
  return api.get<SearchResults>('/search', { q }, signal);
}

export function searchQueryOptions(q: string) {
  return queryOptions({
    queryKey: searchKeys.query(q),
    queryFn: ({ signal }) => search(q, signal),
    enabled: q.trim().length >= MIN_QUERY_LENGTH,
    staleTime: 10_000,
    // The results panel shows the error in place.
    meta: { inlineErrors: true },
  });
}

/** Results for an already debounced query; the previous results stay while the next load. */
export function useSearch(q: string) {
  return useQuery({ ...searchQueryOptions(q.trim()), placeholderData: keepPreviousData });
}
