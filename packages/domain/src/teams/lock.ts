import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { NotFound } from '../errors';

/** This workspace's team, locked for the rest of the transaction; 404 for any other id. */
export async function lockTeam(ctx: Ctx, id: string): Promise<{ id: string }> {
  const [team] = await ctx.db
    .select({ id: schema.teams.id })
    .from(schema.teams)
    .where(and(eq(schema.teams.id, id), eq(schema.teams.workspaceId, ctx.workspaceId)))
    .for('update');
  if (!team) throw NotFound('Team');
  return team;
}
