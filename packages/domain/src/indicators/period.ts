import { Invalid } from '../errors';

export interface Period {
  from: string;
  to: string;
  timeZone: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

/**
 * A period is whole days in the workspace's time zone, `from` and `to` included. Summaries are
 * hourly in UTC, so in the few zones offset by half an hour the edges snap to the hour.
 */
export function parsePeriod(from: string, to: string, timeZone: string): Period {
  const start = dayStart(from);
  const end = dayStart(to);
  if (Number.isNaN(start) || Number.isNaN(end))
    throw Invalid('invalid_period', 'Give the period as dates, YYYY-MM-DD.');
  if (end < start) throw Invalid('invalid_period', 'The period ends before it starts.');
  if ((end - start) / 86_400_000 + 1 > MAX_DAYS)
    throw Invalid('invalid_period', `A period covers at most ${MAX_DAYS} days.`);
  return { from, to, timeZone };
}

/** The workspace's zone when it names a real one, else UTC. */
export function validTimeZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** Midnight UTC of a YYYY-MM-DD day that exists (not 2026-02-30), else NaN. */
function dayStart(day: string): number {
  if (!DATE.test(day)) return NaN;
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day) ? time : NaN;
}
