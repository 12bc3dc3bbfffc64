import { schema } from '@switchboard/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';

const c = schema.conversations;

/** Recent enough to reflect today's staffing, long enough to have a sample on a quiet team. */
const HISTORY_DAYS = 7;

/**
 * A rough "about N minutes" for a visitor in the queue: their position times how long the
 * team's conversations waited before a person took them, over the last week. Null when the team
 * took none in that time: no estimate beats a made-up one.
 */
export async function estimatedWaitSeconds(
  ctx: Ctx,
  teamId: string | null,
  position: number,
): Promise<number | null> {
  const [row] = await ctx.db
    .select({
      average: sql<
        number | null
      >`avg(extract(epoch from ${c.firstAssignedAt} - ${c.queuedAt}))::float8`,
    })
    .from(c)
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        teamId ? eq(c.teamId, teamId) : isNull(c.teamId),
        sql`${c.firstAssignedAt} > now() - make_interval(days => ${HISTORY_DAYS})`,
        // Lets the index on created_at bound the scan; it only leaves out conversations that sat
        // in the queue for over a week, outliers that would skew the estimate anyway.
        sql`${c.createdAt} > now() - make_interval(days => ${HISTORY_DAYS * 2})`,
        sql`${c.queuedAt} is not null and ${c.firstAssignedAt} >= ${c.queuedAt}`,
      ),
    );
  const average = row?.average;
  if (average === null || average === undefined) return null;
  return Math.round(Math.max(0, average) * position);
}
