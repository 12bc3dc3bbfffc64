import { schema, type Presence } from '@switchboard/db';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requestAssignmentForAgent } from '../assignment/request';
import { agentUpdated } from './events';

const u = schema.users;

/**
 * Sets a user's presence when `onlyIf` still holds, tells the screens that show it, and
 * starts assignment for their teams when they came online. False: nothing changed.
 */
export async function writePresence(
  ctx: Ctx,
  userId: string,
  change: { presence: Presence; auto: boolean; onlyIf?: SQL },
): Promise<boolean> {
  const changed = await ctx.db
    .update(u)
    .set({ presence: change.presence, presenceAuto: change.auto, presenceChangedAt: sql`now()` })
    .where(and(eq(u.id, userId), eq(u.workspaceId, ctx.workspaceId), change.onlyIf))
    .returning({ id: u.id });
  if (changed.length === 0) return false;
  if (change.presence === 'online') await requestAssignmentForAgent(ctx, userId);
  ctx.afterCommit.events.push(agentUpdated(ctx, userId));
  return true;
}
