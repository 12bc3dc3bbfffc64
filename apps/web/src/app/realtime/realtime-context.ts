import { createContext, useContext } from 'react';
import type { RealtimeState } from '@/lib/realtime';

export const RealtimeStateContext = createContext<RealtimeState>('connecting');

export function useRealtimeState(): RealtimeState {
  return useContext(RealtimeStateContext);
}
