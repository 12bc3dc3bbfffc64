import { sql, type SQL } from 'drizzle-orm';

/**
 * The time scale medians and 90th percentiles are read from, in seconds: each step is the
 * lower edge of a band about 10–25 % wide. Hourly summaries keep how many times fell in each
 * band, so a percentile over a month costs the same as over an hour; a time counts as the
 * lower edge of its band (1 min 10 s counts as 1 min). Averages and longest are exact.
 */
export const SCALE_STEPS = [
  0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 90, 105, 120, 150, 180, 210, 240, 300, 360, 420, 480,
  600, 720, 900, 1080, 1200, 1500, 1800, 2100, 2400, 3000, 3600, 4500, 5400, 6300, 7200, 9000,
  10800, 12600, 14400, 18000, 21600, 25200, 28800, 36000, 43200, 54000, 64800, 75600, 86400, 108000,
  129600, 172800, 216000, 259200, 345600, 432000, 518400, 604800, 864000, 1209600, 1814400, 2592000,
] as const;

const stepsArray = sql.raw(`array[${SCALE_STEPS.join(',')}]::double precision[]`);

/** Which step of the scale `seconds` falls on (1-based), for `stepCounts`. */
export function stepOf(seconds: SQL): SQL<number | null> {
  return sql<number | null>`width_bucket(${seconds}, ${stepsArray})`;
}

/**
 * How many of the grouped rows fall on each step (`step` from `stepOf`; null is skipped).
 * One cheap aggregate per row, then one small count per group, rather than a filtered
 * count per step per row.
 */
export function stepCounts(step: SQL): SQL<number[]> {
  const steps = sql`array_agg(${step}) filter (where ${step} is not null)`;
  return sql<number[]>`(select array_agg(coalesce(n, 0) order by k)
    from generate_series(1, ${sql.raw(String(SCALE_STEPS.length))}) k
    left join (select s, count(*)::int as n from unnest(${steps}) s group by s) counted on s = k)`;
}

/** Element-wise sum of a step-count column over the grouped rows. */
export function sumSteps(column: SQL): SQL<number[]> {
  const sums = SCALE_STEPS.map(
    (_, index) => sql`coalesce(sum(${column}[${sql.raw(String(index + 1))}]), 0)::int`,
  );
  return sql<number[]>`array[${sql.join(sums, sql`, `)}]`;
}

/** Adds step counts of several groups together. */
export function addSteps(target: number[], more: readonly number[]): number[] {
  for (let index = 0; index < SCALE_STEPS.length; index++)
    target[index] = (target[index] ?? 0) + (more[index] ?? 0);
  return target;
}

export const emptySteps = (): number[] => SCALE_STEPS.map(() => 0);

/**
 * Percentile with linear interpolation between the two nearest values (as Postgres'
 * `percentile_cont`), over times rounded down to their step. Null when there are none.
 */
export function percentile(steps: readonly number[], fraction: number): number | null {
  const total = steps.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = fraction * (total - 1);
  const lower = valueAt(steps, Math.floor(rank));
  const upper = valueAt(steps, Math.ceil(rank));
  return lower + (upper - lower) * (rank - Math.floor(rank));
}

/** The value of the `position`-th time (0-based) in ascending order. */
function valueAt(steps: readonly number[], position: number): number {
  let seen = 0;
  for (let index = 0; index < steps.length; index++) {
    seen += steps[index] ?? 0;
    if (position < seen) return SCALE_STEPS[index] ?? 0;
  }
  return SCALE_STEPS[SCALE_STEPS.length - 1] ?? 0;
}
