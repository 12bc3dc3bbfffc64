import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { authKeys } from '@/features/auth';
import {
  RealtimeConnection,
  realtimeUrl,
  type RealtimeFrame,
  type RealtimeState,
} from '@/lib/realtime';
import { RealtimeSenderContext } from '@/lib/realtime-sender';
import { createHintInvalidator } from './hint-invalidator';
import { RealtimeStateContext } from './realtime-context';

const SESSION_CHECK_EVERY = 3;

/** Holds the realtime socket for the signed-in session and turns hints into refetches. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RealtimeState>('connecting');
  const connectionRef = useRef<RealtimeConnection | null>(null);
  const send = useCallback((frame: RealtimeFrame) => connectionRef.current?.send(frame), []);

  useEffect(() => {
    const invalidator = createHintInvalidator(queryClient);
    const checkSession = () => void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    const connection = new RealtimeConnection({
      url: realtimeUrl(),
      onHint: (hint) => invalidator.push(hint),
      onStateChange: setState,
      // Hints sent before the socket was registered are gone: refetch everything on screen.
      onConnected: () => void queryClient.invalidateQueries(),
      // A socket that keeps failing may mean the session expired: re-check it now and then,
      // so the agent lands on the login page instead of a silently stale inbox.
      onConnectFailed: (failures) => {
        if (failures % SESSION_CHECK_EVERY === 0) checkSession();
      },
      onUnauthorized: checkSession,
    });
    connection.start();
    connectionRef.current = connection;
    return () => {
      connectionRef.current = null;
      connection.stop();
      invalidator.dispose();
    };
  }, [queryClient]);

  return (
    <RealtimeStateContext value={state}>
      <RealtimeSenderContext value={send}>{children}</RealtimeSenderContext>
    </RealtimeStateContext>
  );
}
