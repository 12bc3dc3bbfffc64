import { schema } from '@switchboard/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requestAssignment } from '../assignment/request';
import { Invalid } from '../errors';
import { requireAdmin, selectTeams } from './present';
import { lockTeam } from './lock';

const tm = schema.teamMembers;

/** Replaces the team's members; every one must be a user of this workspace. */
export async function setTeamMembers({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; userIds: string[] };
}) {
  requireAdmin(ctx.actor, 'change team members');
  const team = await lockTeam(ctx, input.id);
  const userIds = [...new Set(input.userIds)];
  if (userIds.length) {
    const known = await ctx.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(and(eq(schema.users.workspaceId, ctx.workspaceId), inArray(schema.users.id, userIds)));
    if (known.length !== userIds.length)
      throw Invalid('unknown_user', 'Every member must be a user of this workspace.');
  }
  await ctx.db.delete(tm).where(and(eq(tm.teamId, team.id), eq(tm.workspaceId, ctx.workspaceId)));
  if (userIds.length)
    await ctx.db
      .insert(tm)
      .values(userIds.map((userId) => ({ workspaceId: ctx.workspaceId, teamId: team.id, userId })));
  // Open sockets re-read their teams; new members of an automatic team may take its queue.
  ctx.afterCommit.events.push({ type: 'team.members_changed', workspaceId: ctx.workspaceId });
  requestAssignment(ctx, team.id);
  const [view] = await selectTeams(ctx.db, ctx.workspaceId, [team.id]);
  return view!;
}
