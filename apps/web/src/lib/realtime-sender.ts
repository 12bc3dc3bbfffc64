import { createContext, useContext } from 'react';
import type { RealtimeFrame } from './realtime';

export type RealtimeSender = (frame: RealtimeFrame) => void;

/** Sends a frame on the session's realtime socket (provided by the app; a no-op elsewhere). */
export const RealtimeSenderContext = createContext<RealtimeSender>(() => undefined);

export function useRealtimeSender(): RealtimeSender {
  return useContext(RealtimeSenderContext);
}
