import { apiRequest } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

/** Hides the conversation from my lists only (`hidden: false` shows it again). */
export function hideConversation(
  conversationId: string,
  hidden: boolean,
): Promise<Conversation | undefined> {
  return apiRequest<Conversation | undefined>(
    `/conversations/${encodeURIComponent(conversationId)}/hide`,
    { method: hidden ? 'POST' : 'DELETE' },
  );
}

export function useHideConversation(conversationId: string) {
  return useConversationAction(conversationId, (hidden: boolean) =>
    hideConversation(conversationId, hidden),
  );
}
