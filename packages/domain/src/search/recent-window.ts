import { schema } from '@switchboard/db';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { idArray } from '../sql-array';
import { candidateConversations } from './candidates';

const m = schema.messages;

/**
 * How many of the workspace's newest messages a first pass reads: staff see them all, an
 * agent only a small share, so their window reaches further back.
 */
const STAFF_WINDOW = 1_000;
const AGENT_WINDOW = 20_000;

/**
 * The first pass of a message search: the workspace's newest messages (for an agent, those of
 * conversations they might see), read newest first along messages_recent_idx. A common word
 * has its 20 latest matches there after a few hundred rows; the full-text indexes would
 * instead hand over every one of its hundreds of thousands of matches to be sorted. The window
 * is complete back to its start, so 20 matches inside it are exactly the 20 newest; with
 * fewer the caller searches everything. Null when the workspace has fewer messages than that.
 */
export async function recentWindow(ctx: Ctx): Promise<SQL | null> {
  const candidates = candidateConversations(ctx.actor, ctx.workspaceId);
  const [edge] = await ctx.db
    .select({ occurredAt: sql<string>`${m.occurredAt}::text`, seq: m.seq })
    .from(m)
    .where(eq(m.workspaceId, ctx.workspaceId))
    .orderBy(desc(m.occurredAt), desc(m.seq))
    .offset((candidates ? AGENT_WINDOW : STAFF_WINDOW) - 1)
    .limit(1);
  if (!edge) return null;
  const newer = sql`(${m.occurredAt}, ${m.seq}) >= (${edge.occurredAt}::timestamptz, ${edge.seq})`;
  if (!candidates) return newer;
  // The agent's conversations active in the window first, on their own, from the index alone
  // (it holds conversation_id): in one statement the planner tests each word of every
  // message of the window before asking whose it is.
  const active = await ctx.db
    .selectDistinct({ id: m.conversationId })
    .from(m)
    .where(
      and(eq(m.workspaceId, ctx.workspaceId), newer, sql`${m.conversationId} in ${candidates}`),
    );
  return active.length
    ? // One array parameter, not one per id: the statement text (and so the prepared statement
      // each connection keeps) is the same however many conversations there are.
      and(
        newer,
        sql`${m.conversationId} = any(${idArray(
          active.map((row) => row.id),
          'uuid',
        )})`,
      )!
    : sql`false`;
}
