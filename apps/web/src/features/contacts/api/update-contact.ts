import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Contact, ContactUpdate } from '../types';
import { contactKeys } from './get-contact';

export function updateContact(contactId: string, update: ContactUpdate): Promise<Contact> {
  return apiRequest<Contact>(`/contacts/${encodeURIComponent(contactId)}`, {
    method: 'PATCH',
    body: update,
  });
}

/**
 * A contact's name shows in every list row, header and history of its conversations, and the
 * blocked flag changes what agents may do there: refresh all of them (only mounted ones refetch).
 */
export function invalidateContactViews(queryClient: QueryClient, contactId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: contactKeys.detail(contactId) }),
    queryClient.invalidateQueries({ queryKey: ['conversations'] }),
    queryClient.invalidateQueries({ queryKey: ['search'] }),
  ]);
}

export function useUpdateContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: ContactUpdate) => updateContact(contactId, update),
    // The field that failed says so itself.
    meta: { inlineErrors: true },
    onSuccess: (contact, update) => {
      queryClient.setQueryData(contactKeys.detail(contactId), (previous: Contact | undefined) =>
        // Keep the open conversations we had if the PATCH answer leaves them out.
        previous ? { ...previous, ...contact } : contact,
      );
      // Notes only live in the panel; a new name shows everywhere.
      if ('name' in update) void invalidateContactViews(queryClient, contactId);
    },
  });
}
