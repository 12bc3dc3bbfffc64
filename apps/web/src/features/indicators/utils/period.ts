import type { IndicatorFilters, Period } from '../types';

/** The API refuses longer ranges (contracts.md C). */
export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's calendar date where the workspace is, not where the supervisor's laptop is. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD; formatToParts keeps us independent of that anyway.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function toUtcMs(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS) + 1;
}

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !ISO_DATE.test(value)) return false;
  // Rejects 2025-02-30, which Date.UTC would quietly roll over into March.
  return fromUtcMs(toUtcMs(value)) === value;
}

/** The dates a preset covers, ending today in the workspace's time zone. */
export function presetRange(
  period: Exclude<Period, 'custom'>,
  timeZone: string,
  now: Date = new Date(),
): { from: string; to: string } {
  const today = todayIn(timeZone, now);
  switch (period) {
    case 'today':
      return { from: today, to: today };
    case '7d':
      return { from: addDays(today, -6), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

export type RangeProblem = 'missing' | 'reversed' | 'tooLong';

export type ResolvedRange = { from: string; to: string } | { problem: RangeProblem };

/** The date range the filters mean, or why a custom one cannot be asked for. */
export function resolveRange(
  filters: IndicatorFilters,
  timeZone: string,
  now: Date = new Date(),
): ResolvedRange {
  if (filters.period !== 'custom') return presetRange(filters.period, timeZone, now);
  const { from, to } = filters;
  if (!isIsoDate(from) || !isIsoDate(to)) return { problem: 'missing' };
  if (to < from) return { problem: 'reversed' };
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) return { problem: 'tooLong' };
  return { from, to };
}
