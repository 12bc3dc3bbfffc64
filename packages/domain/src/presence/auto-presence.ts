import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requestAssignmentForAgent } from '../assignment/request';
import { agentUpdated } from './events';

const u = schema.users;

/**
 * Every socket of an online user stayed gone for the grace period: they are away, marked as
 * set by Switchboard so their next socket brings them back. A choice they made is left alone.
 */
export async function markAwayAfterGrace({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { userId: string };
}): Promise<boolean> {
  const changed = await ctx.db
    .update(u)
    .set({ presence: 'away', presenceAuto: true, presenceChangedAt: sql`now()` })
    .where(
      and(eq(u.id, input.userId), eq(u.workspaceId, ctx.workspaceId), eq(u.presence, 'online')),
    )
    .returning({ id: u.id });
  if (changed.length) ctx.afterCommit.events.push(agentUpdated(ctx, input.userId));
  return changed.length > 0;
}

/** A socket is back for a user Switchboard had set away: online again, and ready for work. */
export async function returnFromAutoAway({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { userId: string };
}): Promise<boolean> {
  const changed = await ctx.db
    .update(u)
    .set({ presence: 'online', presenceAuto: false, presenceChangedAt: sql`now()` })
    .where(
      and(
        eq(u.id, input.userId),
        eq(u.workspaceId, ctx.workspaceId),
        eq(u.presence, 'away'),
        eq(u.presenceAuto, true),
      ),
    )
    .returning({ id: u.id });
  if (!changed.length) return false;
  await requestAssignmentForAgent(ctx, input.userId);
  ctx.afterCommit.events.push(agentUpdated(ctx, input.userId));
  return true;
}
