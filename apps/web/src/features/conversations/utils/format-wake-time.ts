import { formatClockTime, formatDateTime, localDayKey } from '@/lib/format-time';

/** "14:30" when it wakes today, the date and time otherwise. */
export function formatWakeTime(locale: string, date: Date, now = new Date()): string {
  return localDayKey(date) === localDayKey(now)
    ? formatClockTime(locale, date)
    : formatDateTime(locale, date);
}
