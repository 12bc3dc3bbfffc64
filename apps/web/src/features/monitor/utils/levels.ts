/** How worrying a number on the monitor is; the colour follows from it. */
export type Level = 'calm' | 'busy' | 'alert';

export const LEVEL_COLOR: Record<Level, string> = {
  calm: 'teal',
  busy: 'yellow',
  alert: 'red',
};

const MINUTE = 60_000;
// A customer waiting five minutes deserves a look; fifteen is a missed promise for most teams.
export const WAIT_BUSY_MS = 5 * MINUTE;
export const WAIT_ALERT_MS = 15 * MINUTE;

export function waitLevel(ms: number): Level {
  if (ms >= WAIT_ALERT_MS) return 'alert';
  if (ms >= WAIT_BUSY_MS) return 'busy';
  return 'calm';
}

/** Share of capacity in use, 0–100; someone without capacity who holds any is full. */
export function loadPercent(openCount: number, capacity: number): number {
  if (capacity <= 0) return openCount > 0 ? 100 : 0;
  return Math.min(100, Math.round((openCount / capacity) * 100));
}

// At 80 % an agent has one or two slots left: automatic assignment is about to pass them by.
export function loadLevel(openCount: number, capacity: number): Level {
  if (openCount >= capacity && openCount > 0) return 'alert';
  if (loadPercent(openCount, capacity) >= 80) return 'busy';
  return 'calm';
}
