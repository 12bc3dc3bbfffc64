import { schema, type Presence, type UserRole } from '@switchboard/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { openCount } from '../assignment/capacity';

export interface AgentView {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  presence: Presence;
  /** Set away automatically (all sockets gone), not by the user. */
  presenceAuto: boolean;
  capacity: number;
  openCount: number;
  teamIds: string[];
}

const u = schema.users;

/** The workspace's active users with presence and load, for pickers and the agent monitor. */
export async function listAgents({ ctx }: { ctx: Ctx }): Promise<AgentView[]> {
  return ctx.db
    .select({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      presence: u.presence,
      presenceAuto: u.presenceAuto,
      capacity: u.capacity,
      openCount: openCount(),
      teamIds: sql<
        string[]
      >`coalesce((select array_agg(tm.team_id::text order by tm.team_id) from team_members tm where tm.user_id = "users"."id"), '{}')`,
    })
    .from(u)
    .where(and(eq(u.workspaceId, ctx.workspaceId), isNull(u.deactivatedAt)))
    .orderBy(asc(u.name), asc(u.id));
}
