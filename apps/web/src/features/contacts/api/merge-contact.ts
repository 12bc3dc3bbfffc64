import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Contact } from '../types';
import { invalidateContactViews } from './update-contact';

/** Moves `otherId`'s identities and conversations into `contactId`; the other is kept as merged. */
export function mergeContact(contactId: string, otherId: string): Promise<Contact | undefined> {
  return apiRequest<Contact | undefined>(`/contacts/${encodeURIComponent(contactId)}/merge`, {
    method: 'POST',
    body: { contactId: otherId },
  });
}

export function useMergeContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (otherId: string) => mergeContact(contactId, otherId),
    meta: { inlineErrors: true },
    onSettled: () => invalidateContactViews(queryClient, contactId),
  });
}
