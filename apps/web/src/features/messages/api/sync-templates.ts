import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { TemplateList } from '../types';
import { templateKeys } from './get-templates';

/** Asks the API to fetch the approved templates from the provider again. */
export function syncTemplates(inboxId: string): Promise<TemplateList> {
  return api.post<TemplateList>(`/inboxes/${encodeURIComponent(inboxId)}/templates/sync`);
}

export function useSyncTemplates(inboxId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => syncTemplates(inboxId),
    meta: { inlineErrors: true },
    onSuccess: (list) => {
      queryClient.setQueryData(templateKeys.list(inboxId), list);
    },
  });
}
