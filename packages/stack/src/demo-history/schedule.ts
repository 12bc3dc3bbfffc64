import type { Draft } from './timeline';
import type { ConversationStart } from './types';

export interface Schedule {
  /** The instant of an offset. */
  time: (offset: number) => Date;
  /** How much the thread was compressed (1: not at all); waits shrink with it. */
  scale: number;
  /** The last draft's offset: when the conversation closed. */
  end: number;
}

/**
 * Sorts the drafts and turns offsets into times. A thread that would run into today is
 * compressed to end before it: the history never touches today's figures, and nothing lies in
 * the future.
 */
export function scheduleDrafts(drafts: Draft[], start: ConversationStart): Schedule {
  // Stable: drafts of the same moment keep the order they happened in (activity first).
  drafts.sort((a, b) => a.offset - b.offset);
  const end = Math.max(...drafts.map((draft) => draft.offset));
  const room = start.limit - start.createdAt;
  const scale = end > room ? room / end : 1;
  const time = (offset: number) => new Date(start.createdAt + Math.round(offset * scale));
  return { time, scale, end };
}
