import type { QueryClient } from '@tanstack/react-query';
import { monitorKeys } from './get-agent-monitor';

// Staff receive every conversation hint of the workspace; a busy queue sends dozens a second.
// The monitor summarises them all, so one refetch per second is as live as it needs to be.
const MIN_INTERVAL_MS = 1_000;

/**
 * Refreshes the agent monitor after hints: at once when it has been quiet, otherwise once at
 * the end of the current second, so the last change is never left out.
 */
export function createMonitorRefresher(queryClient: QueryClient) {
  let lastRun = 0;
  let timer: number | undefined;

  const run = () => {
    timer = undefined;
    lastRun = Date.now();
    // Only refetches while the monitor is on screen; otherwise it is just marked stale.
    void queryClient.invalidateQueries({ queryKey: monitorKeys.all });
  };

  return {
    request() {
      if (timer !== undefined) return;
      const wait = lastRun + MIN_INTERVAL_MS - Date.now();
      if (wait <= 0) run();
      else timer = window.setTimeout(run, wait);
    },
    dispose() {
      window.clearTimeout(timer);
      timer = undefined;
    },
  };
}
