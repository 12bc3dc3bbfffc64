import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requestAssignment } from '../assignment/request';
import { NotFound } from '../errors';
import type { TeamFields } from './create';
import { requireAdmin, selectTeams } from './present';

const t = schema.teams;

export async function updateTeam({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: Partial<TeamFields> & { id: string };
}) {
  requireAdmin(ctx.actor, 'change teams');
  const { id, ...fields } = input;
  const changes = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<typeof t.$inferInsert>;
  const [row] = Object.keys(changes).length
    ? await ctx.db
        .update(t)
        .set(changes)
        .where(and(eq(t.id, id), eq(t.workspaceId, ctx.workspaceId)))
        .returning({ id: t.id })
    : await ctx.db
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.id, id), eq(t.workspaceId, ctx.workspaceId)));
  if (!row) throw NotFound('Team');
  // Switched to an automatic mode: its queue is handed out now, not at the next arrival.
  if (changes.assignmentMode && changes.assignmentMode !== 'manual') requestAssignment(ctx, row.id);
  const [team] = await selectTeams(ctx.db, ctx.workspaceId, [row.id]);
  return team!;
}
