import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMessages } from '@/features/messages';
import classes from './message-focus.module.css';

export const MESSAGE_PARAM = 'message';
// How far back to page for a message before giving up (50 messages a page).
const MAX_PAGES = 20;

/**
 * Opens a conversation at one message (`?message=<id>`, from search): loads older pages until
 * the message is in the thread, scrolls to it and highlights it.
 */
export function useMessageFocus(conversationId: string) {
  const [params, setParams] = useSearchParams();
  const messageId = params.get(MESSAGE_PARAM);
  const query = useMessages(conversationId);
  const done = useRef<string | null>(null);
  const pages = query.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    if (!messageId) {
      // Handled and dropped from the URL: the same result may be chosen again later.
      done.current = null;
      return;
    }
    if (done.current === messageId || pages === 0) return;
    const selector = `[data-testid="thread"] [data-message-id="${CSS.escape(messageId)}"]`;
    // After the thread's own scroll-to-bottom, which runs in the same commit.
    const frame = requestAnimationFrame(() => {
      const element = document.querySelector<HTMLElement>(selector);
      if (!element) {
        if (hasNextPage && !isFetchingNextPage && pages < MAX_PAGES) void fetchNextPage();
        return;
      }
      done.current = messageId;
      // A second search result in the same conversation moves the highlight.
      for (const previous of document.querySelectorAll<HTMLElement>('[data-highlighted="true"]')) {
        delete previous.dataset.highlighted;
        previous.classList.remove(classes.highlight ?? '');
      }
      element.scrollIntoView({ block: 'center' });
      element.dataset.highlighted = 'true';
      element.classList.add(classes.highlight ?? '');
      // The highlight stays on screen; the URL drops the parameter so that links built from it
      // (the list keeps the query string) do not carry this message into other conversations.
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.delete(MESSAGE_PARAM);
          return next;
        },
        { replace: true },
      );
    });
    return () => cancelAnimationFrame(frame);
  }, [messageId, pages, hasNextPage, isFetchingNextPage, fetchNextPage, setParams]);
}

/** Mount inside a conversation's pane: does the work of `useMessageFocus`, renders nothing. */
export function MessageFocus({ conversationId }: { conversationId: string }) {
  useMessageFocus(conversationId);
  return null;
}
