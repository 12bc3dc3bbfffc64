import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function askForHelp(conversationId: string, note?: string): Promise<Conversation> {
  return api.post<Conversation>(
    `/conversations/${encodeURIComponent(conversationId)}/help`,
    note ? { note } : {},
  );
}

export function useAskForHelp(conversationId: string) {
  return useConversationAction(conversationId, (note?: string) => askForHelp(conversationId, note));
}
