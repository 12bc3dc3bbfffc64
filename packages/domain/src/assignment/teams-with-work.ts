import { schema, type Executor } from '@switchboard/db';
import { and, ne, sql } from 'drizzle-orm';

/**
 * Automatic teams with conversations still waiting: the sweeper asks for a run of each, in
 * case a request was lost between a commit and its enqueue. Spans workspaces on purpose.
 */
export async function findTeamsWithWaitingWork(
  db: Executor,
): Promise<Array<{ workspaceId: string; teamId: string }>> {
  return db
    .select({ workspaceId: schema.teams.workspaceId, teamId: schema.teams.id })
    .from(schema.teams)
    .where(
      and(
        ne(schema.teams.assignmentMode, 'manual'),
        sql`exists (select 1 from conversations wc where wc.workspace_id = "teams"."workspace_id" and wc.team_id = "teams"."id" and wc.status = 'waiting')`,
      ),
    )
    .limit(1000);
}
