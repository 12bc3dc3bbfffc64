import type { BusinessHours } from '@switchboard/db';
import { z } from 'zod';

const RANGE = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const range = z
  .string()
  .regex(RANGE, 'must be a range "HH:MM-HH:MM"')
  .refine((value) => {
    const [from, to] = value.split('-') as [string, string];
    return minutesOf(from) < minutesOf(to);
  }, 'must end after it starts');

/** `{ timeZone, days: { '1': ['09:00-18:00'] } }`, ISO weekdays (1 = Monday). */
export const businessHoursSchema = z
  .object({
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone'),
    days: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(range).max(10)),
  })
  .meta({ id: 'BusinessHours' });

const WEEKDAYS: Record<string, string> = {
  Mon: '1',
  Tue: '2',
  Wed: '3',
  Thu: '4',
  Fri: '5',
  Sat: '6',
  Sun: '7',
};

/** Whether `at` falls inside the hours, read in their own time zone; no hours means always open. */
export function withinBusinessHours(hours: BusinessHours | null | undefined, at = new Date()) {
  if (!hours) return true;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: hours.timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    // A zone the runtime no longer knows: better to treat the team as open than to go silent.
    return true;
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = WEEKDAYS[part('weekday')];
  const now = Number(part('hour')) * 60 + Number(part('minute'));
  const ranges = (day && hours.days[day as keyof BusinessHours['days']]) || [];
  return ranges.some((value) => {
    const [from, to] = value.split('-') as [string, string];
    return now >= minutesOf(from) && now < minutesOf(to);
  });
}
