import { schema } from '@switchboard/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { teamIsAttending } from '../teams/attending';
import type { WebchatSite } from './inbox';

export interface WebchatTeam {
  id: string;
  name: string;
  /** Someone can answer now: inside business hours with a member online. */
  online: boolean;
}

/**
 * The teams a visitor may pick: the inbox's own team first, then every team with members
 * (a team nobody is in would leave the visitor waiting forever).
 */
export async function webchatTeams(ctx: Ctx, inbox: WebchatSite): Promise<WebchatTeam[]> {
  const t = schema.teams;
  const rows = await ctx.db
    .select({ id: t.id, name: t.name })
    .from(t)
    .where(
      and(
        eq(t.workspaceId, ctx.workspaceId),
        sql`(${t.id} = ${inbox.defaultTeamId} or exists (
          select 1 from team_members tm where tm.team_id = ${t.id}))`,
      ),
    )
    .orderBy(sql`${t.id} = ${inbox.defaultTeamId} desc nulls last`, asc(t.name));
  const teams: WebchatTeam[] = [];
  for (const row of rows) teams.push({ ...row, online: await teamIsAttending(ctx, row.id) });
  return teams;
}
