import { schema } from '@switchboard/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { ConversationRecord } from '../conversations/load';
import { teamQueue } from '../assignment/queue-order';

const c = schema.conversations;

/**
 * Where a waiting conversation stands in its team's queue (1 = served next), counted in the
 * order assignment serves it: priority, then longest waiting.
 */
export async function queuePosition(ctx: Ctx, conversation: ConversationRecord): Promise<number> {
  const queue = conversation.teamId
    ? teamQueue(ctx, conversation.teamId)
    : and(eq(c.workspaceId, ctx.workspaceId), isNull(c.teamId), eq(c.status, 'waiting'));
  // Read from the row, not the Date: timestamps keep microseconds a Date would lose.
  const since = sql`(select waiting_since from conversations self where self.id = ${conversation.id})`;
  const [row] = await ctx.db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(c)
    .where(
      and(
        queue,
        sql`(${c.priority} > ${conversation.priority}
          or (${c.priority} = ${conversation.priority} and (
            ${c.waitingSince} < ${since}
            or (${c.waitingSince} = ${since} and ${c.id} < ${conversation.id}))))`,
      ),
    );
  return (row?.ahead ?? 0) + 1;
}
