import { useCallback, useRef } from 'react';
import { useRealtimeSender } from '@/lib/realtime-sender';

/** The server passes on at most one typing hint every 2 s per socket; sending more is noise. */
const TYPING_EVERY_MS = 2000;

/**
 * Tells a web chat visitor the agent is typing: call the returned function on every keystroke;
 * it sends at most one hint every 2 s, and nothing while `enabled` is false (a note, or a reply
 * that leaves the chat by email or SMS).
 */
export function useTypingSignal(conversationId: string, enabled: boolean): () => void {
  const send = useRealtimeSender();
  const lastSentAt = useRef(0);
  return useCallback(() => {
    if (!enabled) return;
    const now = Date.now();
    if (now - lastSentAt.current < TYPING_EVERY_MS) return;
    lastSentAt.current = now;
    send({ type: 'typing', conversationId });
  }, [send, conversationId, enabled]);
}
