const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** Steps a person reads at a glance: 30 s, 5 min, 2 h… never "6 min 40 s". */
const NICE_STEPS = [
  5,
  10,
  15,
  30,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** Ticks of a duration axis from 0 up to at least `max` seconds, about `target` of them. */
export function durationTicks(max: number, target = 4): number[] {
  const safeMax = Number.isFinite(max) && max > 0 ? max : MINUTE;
  const step =
    NICE_STEPS.find((candidate) => safeMax / candidate <= target) ??
    Math.ceil(safeMax / target / (7 * DAY)) * 7 * DAY;
  const top = Math.ceil(safeMax / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  return ticks;
}

/** The largest of the values a chart draws, nulls (no data) left out. */
export function largest(values: Array<number | null>): number {
  return values.reduce<number>((most, value) => (value !== null && value > most ? value : most), 0);
}
