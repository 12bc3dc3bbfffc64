import type { TFunction } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Calendar day in local time, used to group messages under a day divider. */
export function localDayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** "12 min", "2 h 5 min", "3 d": how long something has been going on. */
export function formatDuration(t: TFunction, ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return t('time.now');
  if (safe < HOUR) return t('time.minutes', { count: Math.floor(safe / MINUTE) });
  if (safe < DAY) {
    const hours = Math.floor(safe / HOUR);
    const minutes = Math.floor((safe % HOUR) / MINUTE);
    return minutes === 0
      ? t('time.hours', { count: hours })
      : t('time.hoursMinutes', { hours, minutes });
  }
  return t('time.days', { count: Math.floor(safe / DAY) });
}

/** Compact list timestamp: "now", "5 min", "3 h", then weekday, then date. */
export function formatListTime(t: TFunction, locale: string, date: Date, now: number): string {
  const elapsed = now - date.getTime();
  if (elapsed < MINUTE) return t('time.now');
  if (elapsed < HOUR) return t('time.minutes', { count: Math.floor(elapsed / MINUTE) });
  if (elapsed < 12 * HOUR || startOfDay(date) === startOfDay(new Date(now))) {
    return t('time.hours', { count: Math.max(1, Math.floor(elapsed / HOUR)) });
  }
  if (elapsed < 6 * DAY) return new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(date);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

/** Day divider label in a thread: "Today", "Yesterday", "Monday, March 3". */
export function formatDayLabel(t: TFunction, locale: string, date: Date, now: number): string {
  const days = Math.round((startOfDay(new Date(now)) - startOfDay(date)) / DAY);
  if (days === 0) return t('time.today');
  if (days === 1) return t('time.yesterday');
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

export function formatClockTime(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}

export function formatDateTime(locale: string, date: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
