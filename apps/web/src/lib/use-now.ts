import { useSyncExternalStore } from 'react';

// One shared clock for every relative time on screen, so a list of 100 rows
// re-renders on one tick instead of running 100 timers.
const TICK_MS = 30_000;

let now = Date.now();
let timer: number | undefined;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    // The clock may have been idle for a while; catch up before the first render uses it.
    now = Date.now();
    timer = window.setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

function getSnapshot() {
  return now;
}

/** Current time in ms, refreshed every 30 seconds while anything on screen uses it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
