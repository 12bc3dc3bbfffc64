import type { RealtimeHint } from './realtime';

type HintListener = (hint: RealtimeHint) => void;

const listeners = new Set<HintListener>();

/** Called by the realtime provider for every hint it receives. */
export function publishHint(hint: RealtimeHint): void {
  for (const listener of listeners) listener(hint);
}

/** Listens to realtime hints; returns the unsubscribe function. */
export function subscribeToHints(listener: HintListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
