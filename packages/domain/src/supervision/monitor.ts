import { schema, type Executor, type Presence, type UserRole } from '@switchboard/db';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { isStaff, type Ctx } from '../context';
import { Forbidden } from '../errors';
import { workspaceTimeZone } from './workspace-time-zone';

export interface MonitorAgent {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  presence: Presence;
  /** When they went online; null unless they are online now. */
  onlineSince: string | null;
  presenceChangedAt: string;
  openCount: number;
  capacity: number;
  /** The oldest customer message nobody has answered in the conversations they hold. */
  oldestUnansweredAt: string | null;
  /** Closed since local midnight with them as the last agent. */
  closedToday: number;
  teamIds: string[];
}

export interface MonitorTeam {
  id: string;
  name: string;
  waitingCount: number;
  longestWaitSince: string | null;
  agentsOnline: number;
  agentsTotal: number;
}

export interface MonitorQueue {
  waitingCount: number;
  longestWaitSince: string | null;
}

export interface AgentMonitor {
  generatedAt: string;
  timeZone: string;
  agents: MonitorAgent[];
  teams: MonitorTeam[];
  /** Waiting conversations that no team serves yet. */
  unrouted: MonitorQueue;
}

const u = schema.users;
const c = schema.conversations;
const t = schema.teams;
const tm = schema.teamMembers;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * What a supervisor watches live: every active person's presence and load, and every team's
 * queue. A handful of grouped queries whatever the team size, so the screen can refetch on
 * every hint without hurting the inbox.
 */
export async function getAgentMonitor({ ctx }: { ctx: Ctx }): Promise<AgentMonitor> {
  if (!isStaff(ctx.actor))
    throw Forbidden('Only supervisors and admins can see the agent monitor.');
  const timeZone = await workspaceTimeZone(ctx.db, ctx.workspaceId);
  const agents = await selectAgents(ctx.db, ctx.workspaceId, timeZone);
  const teams = await selectTeams(ctx.db, ctx.workspaceId);
  const queues = await selectWaitingQueues(ctx.db, ctx.workspaceId);
  const queueOf = (teamId: string | null) => queues.find((queue) => queue.teamId === teamId);
  const unrouted = queueOf(null);
  return {
    generatedAt: new Date().toISOString(),
    timeZone,
    agents,
    teams: teams.map((team) => {
      const queue = queueOf(team.id);
      return {
        ...team,
        waitingCount: queue?.waitingCount ?? 0,
        longestWaitSince: iso(queue?.longestWaitSince ?? null),
      };
    }),
    unrouted: {
      waitingCount: unrouted?.waitingCount ?? 0,
      longestWaitSince: iso(unrouted?.longestWaitSince ?? null),
    },
  };
}

async function selectAgents(
  db: Executor,
  workspaceId: string,
  timeZone: string,
): Promise<MonitorAgent[]> {
  const load = db
    .select({
      agentId: sql<string>`${c.assigneeId}`.as('load_agent_id'),
      openCount: sql<number>`count(*)::int`.as('open_count'),
      oldestUnansweredAt: sql<Date | null>`min(${c.unansweredSince})`
        .mapWith(c.unansweredSince)
        .as('oldest_unanswered_at'),
    })
    .from(c)
    .where(and(eq(c.workspaceId, workspaceId), eq(c.status, 'open'), isNotNull(c.assigneeId)))
    .groupBy(c.assigneeId)
    .as('load');

  // Local midnight: the wall-clock date in the workspace's zone, turned back into an instant.
  const localMidnight = sql`(date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone})`;
  const lastAgent = sql`coalesce(${c.assigneeId}, ${c.lastAssigneeId})`;
  const closed = db
    .select({
      agentId: sql<string>`${lastAgent}`.as('closed_agent_id'),
      closedToday: sql<number>`count(*)::int`.as('closed_today'),
    })
    .from(c)
    .where(
      and(
        eq(c.workspaceId, workspaceId),
        eq(c.status, 'closed'),
        sql`${c.closedAt} >= ${localMidnight}`,
        sql`${lastAgent} is not null`,
      ),
    )
    .groupBy(lastAgent)
    .as('closed');

  const memberships = db
    .select({
      userId: sql<string>`${tm.userId}`.as('member_user_id'),
      teamIds: sql<string[]>`array_agg(${tm.teamId}::text order by ${tm.teamId})`.as('team_ids'),
    })
    .from(tm)
    .where(eq(tm.workspaceId, workspaceId))
    .groupBy(tm.userId)
    .as('memberships');

  const rows = await db
    .select({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      presence: u.presence,
      presenceChangedAt: u.presenceChangedAt,
      capacity: u.capacity,
      openCount: load.openCount,
      oldestUnansweredAt: load.oldestUnansweredAt,
      closedToday: closed.closedToday,
      teamIds: memberships.teamIds,
    })
    .from(u)
    .leftJoin(load, eq(load.agentId, u.id))
    .leftJoin(closed, eq(closed.agentId, u.id))
    .leftJoin(memberships, eq(memberships.userId, u.id))
    .where(and(eq(u.workspaceId, workspaceId), isNull(u.deactivatedAt)))
    .orderBy(asc(u.name), asc(u.id));

  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    presence: row.presence,
    onlineSince: row.presence === 'online' ? row.presenceChangedAt.toISOString() : null,
    presenceChangedAt: row.presenceChangedAt.toISOString(),
    openCount: row.openCount ?? 0,
    capacity: row.capacity,
    oldestUnansweredAt: iso(row.oldestUnansweredAt ?? null),
    closedToday: row.closedToday ?? 0,
    teamIds: row.teamIds ?? [],
  }));
}

/** Teams by name with how many of their active members are online. */
async function selectTeams(db: Executor, workspaceId: string) {
  const staffing = db
    .select({
      teamId: sql<string>`${tm.teamId}`.as('staffed_team_id'),
      agentsOnline: sql<number>`(count(*) filter (where ${u.presence} = 'online'))::int`.as(
        'agents_online',
      ),
      agentsTotal: sql<number>`count(*)::int`.as('agents_total'),
    })
    .from(tm)
    .innerJoin(u, and(eq(u.id, tm.userId), eq(u.workspaceId, workspaceId), isNull(u.deactivatedAt)))
    .where(eq(tm.workspaceId, workspaceId))
    .groupBy(tm.teamId)
    .as('staffing');

  const rows = await db
    .select({
      id: t.id,
      name: t.name,
      agentsOnline: staffing.agentsOnline,
      agentsTotal: staffing.agentsTotal,
    })
    .from(t)
    .leftJoin(staffing, eq(staffing.teamId, t.id))
    .where(eq(t.workspaceId, workspaceId))
    .orderBy(asc(t.name), asc(t.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    agentsOnline: row.agentsOnline ?? 0,
    agentsTotal: row.agentsTotal ?? 0,
  }));
}

/** Waiting conversations per team in one pass; the null team is the unrouted queue. */
async function selectWaitingQueues(db: Executor, workspaceId: string) {
  // Rows written before waiting_since existed fall back to when they were created.
  const waitingSince = sql`coalesce(${c.waitingSince}, ${c.createdAt})`;
  return db
    .select({
      teamId: c.teamId,
      waitingCount: sql<number>`count(*)::int`,
      longestWaitSince: sql<Date>`min(${waitingSince})`.mapWith(c.waitingSince),
    })
    .from(c)
    .where(and(eq(c.workspaceId, workspaceId), eq(c.status, 'waiting')))
    .groupBy(c.teamId);
}
