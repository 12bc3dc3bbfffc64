import { api } from '@/lib/api-client';
import type { Conversation } from '../types';
import { useConversationAction } from './use-conversation-action';

export function inviteColleague(conversationId: string, userId: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/invite`, {
    userId,
  });
}

export function useInviteColleague(conversationId: string) {
  return useConversationAction(conversationId, (userId: string) =>
    inviteColleague(conversationId, userId),
  );
}
