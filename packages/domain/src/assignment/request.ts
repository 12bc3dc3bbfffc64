import { schema } from '@switchboard/db';
import { and, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../context';

/**
 * Asks the worker to hand out the team's waiting conversations once this transaction commits.
 * Call it wherever a conversation enters Waiting or an agent frees a slot; a manual team's run
 * does nothing, so callers need not check the mode.
 */
export function requestAssignment(ctx: Ctx, teamId: string | null | undefined): void {
  if (!teamId) return;
  const already = ctx.afterCommit.jobs.some(
    (job) => job.name === 'assignment.run' && job.payload.teamId === teamId,
  );
  if (!already)
    ctx.afterCommit.jobs.push({
      name: 'assignment.run',
      payload: { workspaceId: ctx.workspaceId, teamId },
    });
}

/** An agent has room again (closed one, came online): every automatic team of theirs may have work. */
export async function requestAssignmentForAgent(ctx: Ctx, userId: string): Promise<void> {
  const teams = await ctx.db
    .select({ id: schema.teams.id })
    .from(schema.teamMembers)
    .innerJoin(schema.teams, eq(schema.teams.id, schema.teamMembers.teamId))
    .where(
      and(
        eq(schema.teamMembers.userId, userId),
        eq(schema.teamMembers.workspaceId, ctx.workspaceId),
        ne(schema.teams.assignmentMode, 'manual'),
      ),
    );
  for (const team of teams) requestAssignment(ctx, team.id);
}
