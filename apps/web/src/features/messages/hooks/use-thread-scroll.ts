import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

// Within this many pixels of the bottom counts as "reading the latest".
const STICKY_THRESHOLD_PX = 80;

interface Snapshot {
  firstId: string | null;
  lastId: string | null;
  scrollHeight: number;
  scrollTop: number;
  atBottom: boolean;
}

/**
 * Keeps a chat-like scroll position: start at the bottom, follow new messages while the
 * agent is at the bottom, and keep the view still when older messages load above.
 */
export function useThreadScroll(
  containerRef: RefObject<HTMLDivElement | null>,
  contentRef: RefObject<HTMLDivElement | null>,
  messageIds: { firstId: string | null; lastId: string | null; lastIsOwn: boolean },
) {
  const snapshot = useRef<Snapshot | null>(null);
  const { firstId, lastId, lastIsOwn } = messageIds;

  const record = useCallback(() => {
    const element = containerRef.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    snapshot.current = {
      firstId: snapshot.current?.firstId ?? null,
      lastId: snapshot.current?.lastId ?? null,
      scrollHeight: element.scrollHeight,
      scrollTop: element.scrollTop,
      atBottom: distance <= STICKY_THRESHOLD_PX,
    };
  }, [containerRef]);

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element || lastId === null) return;
    const before = snapshot.current;

    if (!before || before.lastId === null) {
      element.scrollTop = element.scrollHeight;
    } else if (before.lastId !== lastId) {
      if (before.atBottom || lastIsOwn) element.scrollTop = element.scrollHeight;
    } else if (before.firstId !== firstId) {
      // Older messages were added above: shift by their height so nothing jumps.
      element.scrollTop = before.scrollTop + (element.scrollHeight - before.scrollHeight);
    }

    snapshot.current = {
      firstId,
      lastId,
      scrollHeight: element.scrollHeight,
      scrollTop: element.scrollTop,
      atBottom:
        element.scrollHeight - element.scrollTop - element.clientHeight <= STICKY_THRESHOLD_PX,
    };
  }, [containerRef, firstId, lastId, lastIsOwn]);

  // Images and media finish loading after the first layout, and the reply box grows (template
  // picker, errors, upload progress) and shrinks the thread: stay pinned if we were at the bottom.
  useEffect(() => {
    const container = containerRef.current;
    const content = contentRef.current;
    if (!container || !content) return;
    const observer = new ResizeObserver(() => {
      if (snapshot.current?.atBottom) container.scrollTop = container.scrollHeight;
    });
    observer.observe(content);
    observer.observe(container);
    return () => observer.disconnect();
  }, [containerRef, contentRef]);

  return { onScroll: record };
}
