import { schema } from '@switchboard/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { withinBusinessHours } from './business-hours';

/**
 * Whether a team is attending right now: inside its business hours with at least one of its
 * agents online. A conversation no team serves is attended while anyone in the workspace is
 * online. Offline auto-replies and the "offline messages" indicator both ask this.
 */
export async function teamIsAttending(ctx: Ctx, teamId: string | null): Promise<boolean> {
  const u = schema.users;
  if (!teamId) {
    const [someone] = await ctx.db
      .select({ id: u.id })
      .from(u)
      .where(
        and(eq(u.workspaceId, ctx.workspaceId), eq(u.presence, 'online'), isNull(u.deactivatedAt)),
      )
      .limit(1);
    return !!someone;
  }
  const [team] = await ctx.db
    .select({
      businessHours: schema.teams.businessHours,
      // Plain names: drizzle leaves columns unqualified in a one-table select.
      anyoneOnline: sql<boolean>`exists (
        select 1 from team_members tm join users member on member.id = tm.user_id
        where tm.team_id = ${teamId} and member.presence = 'online'
          and member.deactivated_at is null)`,
    })
    .from(schema.teams)
    .where(and(eq(schema.teams.id, teamId), eq(schema.teams.workspaceId, ctx.workspaceId)));
  if (!team) return false;
  return team.anyoneOnline && withinBusinessHours(team.businessHours);
}
