import type { TFunction } from 'i18next';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'seconds' | 'minutes' | 'hours' | 'days';

/**
 * "45 s", "2 min 30 s", "1 h 5 min", "2 d 3 h": two units at most, because a supervisor
 * compares magnitudes; the exact seconds are in the CSV.
 */
export function formatSeconds(t: TFunction, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const unit = (name: Unit, count: number) => t(`indicators.units.${name}`, { count });
  const pair = (big: Unit, bigCount: number, small: Unit, smallCount: number) =>
    smallCount === 0 ? unit(big, bigCount) : `${unit(big, bigCount)} ${unit(small, smallCount)}`;
  // Down, like the scale step: 59.7 s is not yet a minute.
  const whole = Math.floor(Math.max(0, seconds));
  if (whole < MINUTE) return unit('seconds', whole);
  if (whole < HOUR) return pair('minutes', Math.floor(whole / MINUTE), 'seconds', whole % MINUTE);
  if (whole < DAY)
    return pair('hours', Math.floor(whole / HOUR), 'minutes', Math.floor((whole % HOUR) / MINUTE));
  return pair('days', Math.floor(whole / DAY), 'hours', Math.floor((whole % DAY) / HOUR));
}

export function formatCount(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A share of a whole, or null when there is no whole to share. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function formatShare(locale: string, share: number | null): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

/** "09:00": the workspace's local hour, written the same way in every language. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "1 Mar 2025" style dates for the period line, without shifting them through a time zone. */
export function formatDate(locale: string, isoDate: string): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
