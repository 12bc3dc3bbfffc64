import { schema } from '@switchboard/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { conversationUpdated } from '../conversations/activity';
import { NotFound } from '../errors';
import { requireAdmin } from './present';
import { lockTeam } from './lock';

const c = schema.conversations;

/**
 * Removes a team. Its conversations keep going: they lose their team and fall into the
 * workspace queue rather than vanish (clients showing the live ones get a hint); inboxes lose
 * it as their default.
 */
export async function deleteTeam({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  requireAdmin(ctx.actor, 'delete teams');
  const team = await lockTeam(ctx, input.id);
  // What the foreign key would do, with a version bump so clients refetch the live ones.
  const moved = await ctx.db
    .update(c)
    .set({ teamId: null, version: sql`${c.version} + 1` })
    .where(and(eq(c.workspaceId, ctx.workspaceId), eq(c.teamId, team.id), ne(c.status, 'closed')))
    .returning({ id: c.id, teamId: c.teamId, assigneeId: c.assigneeId, version: c.version });
  ctx.afterCommit.events.push(
    ...moved.map((conversation) => conversationUpdated(ctx, conversation)),
    { type: 'team.members_changed', workspaceId: ctx.workspaceId },
  );
  const [row] = await ctx.db
    .delete(schema.teams)
    .where(and(eq(schema.teams.id, input.id), eq(schema.teams.workspaceId, ctx.workspaceId)))
    .returning({ id: schema.teams.id });
  if (!row) throw NotFound('Team');
  // Rules that sent conversations there keep their tags and priority, and stop naming it.
  const r = schema.routingRules;
  await ctx.db
    .update(r)
    .set({ actions: sql`${r.actions} - 'teamId'`, updatedAt: sql`now()` })
    .where(and(eq(r.workspaceId, ctx.workspaceId), sql`${r.actions}->>'teamId' = ${row.id}`));
}
