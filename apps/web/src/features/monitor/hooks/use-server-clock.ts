import { useEffect, useState } from 'react';

// Waits are read in seconds on a live wall; a coarser tick would look frozen.
const TICK_MS = 5_000;

/**
 * The server's current time in ms, ticking every few seconds. The offset between the
 * server's `generatedAt` and when the answer arrived corrects a browser clock that is off, so
 * a wait never shows as negative or minutes too long.
 */
export function useServerClock(generatedAt: string | undefined, receivedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const generated = generatedAt ? Date.parse(generatedAt) : Number.NaN;
  const skew = Number.isNaN(generated) || receivedAt === 0 ? 0 : generated - receivedAt;
  // A fresh answer may be newer than the last tick: never show time running backwards.
  return Math.max(now, receivedAt) + skew;
}
