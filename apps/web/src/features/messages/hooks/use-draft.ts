import { useCallback, useState } from 'react';

// Drafts survive switching between conversations during the session, like any mail client.
const drafts = new Map<string, string>();

export function useDraft(conversationId: string) {
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const update = useCallback(
    (next: string) => {
      if (next) drafts.set(conversationId, next);
      else drafts.delete(conversationId);
      setText(next);
    },
    [conversationId],
  );
  return [text, update] as const;
}
