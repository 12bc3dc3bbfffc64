import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';

/**
 * Serializes every change of who holds what in one workspace until the transaction ends, so
 * two workers (or a worker and an agent accepting) never both see a free slot and fill it.
 * Lock order: a conversation row first (if any), then this lock, then user rows.
 */
export async function lockAssignments(ctx: Pick<Ctx, 'db' | 'workspaceId'>): Promise<void> {
  const key = `assignment:${ctx.workspaceId}`;
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
