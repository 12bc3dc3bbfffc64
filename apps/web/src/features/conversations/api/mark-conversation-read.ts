import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { invalidateConversationQueries } from './invalidate-conversation';

export function markConversationRead(conversationId: string): Promise<void> {
  return api.post<void>(`/conversations/${encodeURIComponent(conversationId)}/read`);
}

/** Clears the unread dot whenever the open conversation has unread customer messages. */
export function useMarkReadWhenOpen(conversation: Conversation) {
  const queryClient = useQueryClient();
  const { mutate } = useMutation({
    mutationFn: markConversationRead,
    // A background courtesy: if it fails (the conversation just moved away), nothing to say.
    meta: { silentErrors: true },
    onSuccess: (_result, conversationId) =>
      invalidateConversationQueries(queryClient, [conversationId]),
  });
  const { id, unreadCount } = conversation;
  useEffect(() => {
    if (unreadCount > 0) mutate(id);
  }, [id, unreadCount, mutate]);
}
