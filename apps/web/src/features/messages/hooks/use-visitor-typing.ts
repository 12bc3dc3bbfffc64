import { useEffect, useState } from 'react';
import { subscribeToHints } from '@/lib/hint-bus';

/** The widget sends a hint at most every 2 s while the visitor types; 5 s covers a late one. */
const SHOWN_FOR_MS = 5000;

/**
 * Whether the web chat visitor of this conversation is typing: true for 5 s after each
 * `visitor.typing` hint, and false again as soon as a new message arrives in it.
 */
export function useVisitorTyping(conversationId: string): boolean {
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    const stop = () => {
      window.clearTimeout(timer);
      setTyping(false);
    };
    const unsubscribe = subscribeToHints((hint) => {
      if (!('conversationId' in hint) || hint.conversationId !== conversationId) return;
      if (hint.type === 'message.created') stop();
      if (hint.type !== 'visitor.typing') return;
      setTyping(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(stop, SHOWN_FOR_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [conversationId]);
  return typing;
}
