import { schema, type Executor } from '@switchboard/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { Conflict } from '../errors';
import { lockAssignments } from './lock';

const u = schema.users;

/** Open conversations held by the user of the row in scope: the load that capacity limits. */
// Spelled out: drizzle leaves columns unqualified in single-table selects, which would make
// the subquery compare its own columns.
export const openCount = () =>
  sql<number>`(select count(*)::int from conversations oc where oc.workspace_id = "users"."workspace_id" and oc.assignee_id = "users"."id" and oc.status = 'open')`;

export interface AgentLoad {
  id: string;
  name: string;
  presence: 'online' | 'away' | 'offline';
  capacity: number;
  openCount: number;
}

/** An active user of the workspace with their current load; null when there is none. */
export async function agentLoad(
  db: Executor,
  workspaceId: string,
  userId: string,
): Promise<AgentLoad | null> {
  const [row] = await db
    .select({
      id: u.id,
      name: u.name,
      presence: u.presence,
      capacity: u.capacity,
      openCount: openCount(),
    })
    .from(u)
    .where(and(eq(u.id, userId), eq(u.workspaceId, workspaceId), isNull(u.deactivatedAt)));
  return row ?? null;
}

/** Refuses when the agent already holds as many open conversations as they may. Call under the lock. */
export function assertRoom(agent: AgentLoad, who: 'you' | 'them'): void {
  if (agent.openCount < agent.capacity) return;
  throw Conflict(
    'at_capacity',
    who === 'you'
      ? `You already hold ${agent.openCount} open conversations, your limit. Close one first.`
      : `${agent.name} already holds ${agent.openCount} open conversations, their limit.`,
  );
}

/**
 * The conversation's last agent if it may take it back right now: online, active and under
 * capacity. Takes the workspace assignment lock, so the answer holds until the caller commits.
 * Used when a customer reopens a closed conversation.
 */
export async function lastAgentWithRoom(
  ctx: Ctx,
  lastAssigneeId: string | null,
): Promise<string | null> {
  if (!lastAssigneeId) return null;
  await lockAssignments(ctx);
  const agent = await agentLoad(ctx.db, ctx.workspaceId, lastAssigneeId);
  if (!agent || agent.presence !== 'online' || agent.openCount >= agent.capacity) return null;
  return agent.id;
}
