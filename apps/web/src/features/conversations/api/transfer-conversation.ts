import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

/** To a colleague (open and theirs) or to a team (back to Waiting there); the note stays as a private note. */
export type TransferInput = ({ toUserId: string } | { toTeamId: string }) & { note?: string };

export function transferConversation(
  conversationId: string,
  input: TransferInput,
): Promise<Conversation> {
  return api.post<Conversation>(
    `/conversations/${encodeURIComponent(conversationId)}/transfer`,
    input,
  );
}

export function useTransferConversation(conversationId: string) {
  return useConversationAction(
    conversationId,
    (input: TransferInput) => transferConversation(conversationId, input),
    {
      inlineErrors: true,
    },
  );
}
