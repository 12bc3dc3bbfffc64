import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Message } from '../types';
import { addSentMessage } from './thread-cache';

/** Free text (a reply or a private note) or an approved template with its parameters. */
export type SendMessageInput =
  { text: string; private?: boolean } | { template: { id: string; parameters: string[] } };

export function sendMessage(conversationId: string, input: SendMessageInput): Promise<Message> {
  return api.post<Message>(`/conversations/${encodeURIComponent(conversationId)}/messages`, input);
}

interface UseSendMessageOptions {
  conversationId: string;
  onSent?: (message: Message) => void;
}

export function useSendMessage({ conversationId, onSent }: UseSendMessageOptions) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) => sendMessage(conversationId, input),
    // The composer explains the failure next to the Send button (e.g. the window closed).
    meta: { inlineErrors: true },
    onSuccess: async (message) => {
      const refreshed = addSentMessage(queryClient, conversationId, message);
      onSent?.(message);
      await refreshed;
    },
  });
}
