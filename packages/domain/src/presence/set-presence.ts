import { schema, type Presence } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';
import { requestAssignmentForAgent } from '../assignment/request';
import { agentUpdated } from './events';

const u = schema.users;

/** The signed-in user chooses their presence. Going online starts assignment for their teams. */
export async function setPresence({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { presence: Presence };
}): Promise<{ presence: Presence }> {
  const user = requireUser(ctx.actor);
  await ctx.db
    .update(u)
    .set({ presence: input.presence, presenceAuto: false, presenceChangedAt: sql`now()` })
    .where(and(eq(u.id, user.id), eq(u.workspaceId, ctx.workspaceId)));
  if (input.presence === 'online') await requestAssignmentForAgent(ctx, user.id);
  ctx.afterCommit.events.push(agentUpdated(ctx, user.id));
  return { presence: input.presence };
}
