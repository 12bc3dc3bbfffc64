import type { TFunction } from 'i18next';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "45 s", "12 min", "2 h 5 min", "3 d 4 h": how long something has been going on, precise
 * enough for a live wall without ever being wider than two units.
 */
export function formatElapsed(t: TFunction, ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return t('monitor.elapsed.seconds', { count: Math.floor(safe / SECOND) });
  if (safe < HOUR) return t('time.minutes', { count: Math.floor(safe / MINUTE) });
  if (safe < DAY) {
    const hours = Math.floor(safe / HOUR);
    const minutes = Math.floor((safe % HOUR) / MINUTE);
    return minutes === 0
      ? t('time.hours', { count: hours })
      : t('time.hoursMinutes', { hours, minutes });
  }
  const days = Math.floor(safe / DAY);
  const hours = Math.floor((safe % DAY) / HOUR);
  return hours === 0
    ? t('time.days', { count: days })
    : t('monitor.elapsed.daysHours', { days, hours });
}
