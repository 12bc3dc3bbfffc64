import type { InboundBounceEvent } from '@switchboard/channels';
import { schema } from '@switchboard/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { messageUpdated } from '../conversations/activity';

const m = schema.messages;

/** A bounce about mail we sent: the agent sees that reply failed, and the server's reason. */
export async function applyBounce(ctx: Ctx, event: InboundBounceEvent) {
  const [failed] = await ctx.db
    .update(m)
    .set({
      status: 'failed',
      errorCode: event.statusCode ?? 'bounced',
      errorMessage: `The mail could not be delivered: ${event.reason}`.slice(0, 1000),
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.emailMessageId, event.originalMessageId),
        eq(m.direction, 'outbound'),
        ne(m.status, 'failed'),
      ),
    )
    .returning({ id: m.id, conversationId: m.conversationId });
  if (failed) {
    ctx.afterCommit.events.push(messageUpdated(ctx, failed));
  }
}
