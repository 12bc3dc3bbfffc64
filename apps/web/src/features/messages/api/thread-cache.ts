import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Message, MessagePage } from '../types';
import { messageKeys } from './get-messages';

type ThreadData = InfiniteData<MessagePage, string | null>;

/** Puts the new message at the end of the newest page so it shows before any refetch. */
function appendToThread(data: ThreadData | undefined, message: Message): ThreadData | undefined {
  const [newest, ...older] = data?.pages ?? [];
  if (!data || !newest || newest.items.some((item) => item.id === message.id)) return data;
  return { ...data, pages: [{ ...newest, items: [...newest.items, message] }, ...older] };
}

/** Shows a message the agent just created at once, then refetches the thread for its status. */
export async function addSentMessage(
  queryClient: QueryClient,
  conversationId: string,
  message: Message,
): Promise<void> {
  queryClient.setQueryData<ThreadData>(messageKeys.list(conversationId), (data) =>
    appendToThread(data, message),
  );
  await queryClient.invalidateQueries({ queryKey: messageKeys.list(conversationId) });
}
