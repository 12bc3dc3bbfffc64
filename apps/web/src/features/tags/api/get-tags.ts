import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Tag } from '../types';

export const tagKeys = {
  all: ['tags'] as const,
};

export function getTags(signal?: AbortSignal): Promise<Tag[]> {
  return api.get<Tag[]>('/tags', undefined, signal);
}

export function tagsQueryOptions() {
  return queryOptions({
    queryKey: tagKeys.all,
    queryFn: ({ signal }) => getTags(signal),
    staleTime: 5 * 60_000,
    meta: { inlineErrors: true },
  });
}

export function useTags() {
  return useQuery(tagsQueryOptions());
}

export function createTag(input: { name: string; color?: string }): Promise<Tag> {
  return api.post<Tag>('/tags', input);
}

export function useCreateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTag,
    // The picker shows "already exists" under the field.
    meta: { inlineErrors: true },
    onSuccess: (tag) => {
      queryClient.setQueryData<Tag[]>(tagKeys.all, (tags) =>
        tags ? [...tags.filter((other) => other.id !== tag.id), tag] : [tag],
      );
      return queryClient.invalidateQueries({ queryKey: tagKeys.all });
    },
  });
}
