import type { QueryClient } from '@tanstack/react-query';
import { messageKeys } from '@/features/messages';
import { agentKeys } from '@/features/presence';
import { contactConversationKeys } from './get-contact-conversations';
import { conversationCountKeys } from './get-conversation-counts';
import { conversationKeys } from './get-conversation';
import { conversationListKeys } from './get-conversations';

/**
 * Everything on screen that a change to these conversations can affect: every tab's list
 * (a conversation may move between tabs), the counts, each conversation with its thread, and
 * the customer history in the info panel (hints carry no contact id, so all of it; only the
 * open panel's list is active, so that is one request).
 */
export function invalidateConversationQueries(
  queryClient: QueryClient,
  conversationIds: Iterable<string>,
): Promise<unknown> {
  const tasks: Promise<void>[] = [
    queryClient.invalidateQueries({ queryKey: conversationListKeys.all }),
    queryClient.invalidateQueries({ queryKey: conversationCountKeys.all }),
    queryClient.invalidateQueries({ queryKey: contactConversationKeys.all }),
    // Colleagues' load ("3/5") in the transfer dialog moves with every assignment.
    queryClient.invalidateQueries({ queryKey: agentKeys.all }),
  ];
  for (const id of new Set(conversationIds)) {
    tasks.push(queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) }));
    tasks.push(queryClient.invalidateQueries({ queryKey: messageKeys.list(id) }));
  }
  return Promise.all(tasks);
}
