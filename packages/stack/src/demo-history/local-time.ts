import { SEC } from './durations';

/*
 * Calendar days and wall-clock times in the workspace's time zone, so the history's busy hours
 * and weekends fall where the supervisor's charts (which group by local day) expect them.
 */

export interface LocalDay {
  year: number;
  month: number;
  day: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

/** The local calendar day `back` days before today in the zone. */
export function localDay(now: Date, timeZone: string, back: number): LocalDay {
  const today = wallClock(now.getTime(), timeZone);
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

/** Midnight starting the local day `back` days before today. */
export function localMidnight(now: Date, timeZone: string, back: number): Date {
  return new Date(zonedTime(localDay(now, timeZone, back), 0, 0, 0, timeZone));
}

/** The instant a wall-clock time of a local day happens in the zone. */
export function zonedTime(
  day: LocalDay,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
) {
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute, second);
  let instant = wall - offsetAt(wall, timeZone);
  // Near a DST change the offset at the first guess can differ from the one at the answer.
  instant = wall - offsetAt(instant, timeZone);
  return instant;
}

/** How far the zone's wall clock runs ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return asUtc - Math.floor(instant / SEC) * SEC;
}

// Building a formatter is slow and the plan asks thousands of times for the same zone.
const clocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timeZone: string) {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}
