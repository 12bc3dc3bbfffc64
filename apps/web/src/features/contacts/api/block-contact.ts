import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Contact } from '../types';
import { contactKeys } from './get-contact';
import { invalidateContactViews } from './update-contact';

export function setContactBlocked(
  contactId: string,
  blocked: boolean,
): Promise<Contact | undefined> {
  return apiRequest<Contact | undefined>(`/contacts/${encodeURIComponent(contactId)}/block`, {
    method: blocked ? 'POST' : 'DELETE',
  });
}

export function useSetContactBlocked(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (blocked: boolean) => setContactBlocked(contactId, blocked),
    onSuccess: (_contact, blocked) => {
      // Show the badge at once, whatever the answer's body holds (204 or the contact).
      queryClient.setQueryData(contactKeys.detail(contactId), (previous: Contact | undefined) =>
        previous ? { ...previous, blocked } : previous,
      );
    },
    onSettled: () => invalidateContactViews(queryClient, contactId),
  });
}
