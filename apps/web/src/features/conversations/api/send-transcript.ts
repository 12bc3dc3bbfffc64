import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface TranscriptReceipt {
  /** The address the transcript is going to. */
  to: string;
}

/**
 * Queues the whole conversation as an email (202). Without `to` the API uses the contact's
 * address; 422 `no_email_address` / `invalid` and 409 `no_email_inbox` say why it cannot.
 */
export function sendTranscript(conversationId: string, to?: string): Promise<TranscriptReceipt> {
  return api.post<TranscriptReceipt>(
    `/conversations/${encodeURIComponent(conversationId)}/transcript`,
    to ? { to } : {},
  );
}

export function useSendTranscript(conversationId: string) {
  return useMutation({
    mutationFn: (to?: string) => sendTranscript(conversationId, to),
    // The modal shows why it failed, under the address or above its buttons.
    meta: { inlineErrors: true },
  });
}
