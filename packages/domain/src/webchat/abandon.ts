import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { afterClosing, closingChanges } from '../conversations/close';

const c = schema.conversations;
const ci = schema.contactIdentities;

/**
 * The visitor left the web chat while still in the queue and did not come back in time: the
 * conversation ends as `abandoned`. Only a waiting one: once an agent has taken it, the chat is
 * asynchronous and a closed tab never ends it. Returns whether it closed.
 */
export async function abandonWaitingConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { conversationId: string; visitorId: string };
}): Promise<boolean> {
  const [closed] = await ctx.db
    .update(c)
    .set(closingChanges('abandoned'))
    .where(
      and(
        eq(c.id, input.conversationId),
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.status, 'waiting'),
        // Still this visitor's conversation (contacts can be merged in between).
        sql`exists (select 1 from ${ci} where ${ci.contactId} = ${c.contactId}
          and ${ci.workspaceId} = ${c.workspaceId} and ${ci.kind} = 'web'
          and ${ci.address} = ${input.visitorId})`,
      ),
    )
    .returning();
  if (!closed) return false;
  // A waiting conversation holds no agent's slot, so nobody is freed.
  await afterClosing(ctx, closed, null, {
    by: 'system',
    outcome: 'abandoned',
    reason: 'visitor_left',
  });
  return true;
}
