import { schema } from '@switchboard/db';
import type { InboundStatusEvent } from '@switchboard/channels';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { messageUpdated } from '../conversations/activity';
import { RetryLater } from '../errors';
import { rankOf, statusRank } from '../messages/delivery-status';

const m = schema.messages;
/** How long a callback may wait for the send it reports on to be recorded. */
const ORPHAN_PATIENCE_MS = 10 * 60 * 1000;

/** Moves a message forward to the reported status; stale or repeated reports change nothing. */
export async function applyDeliveryStatus(
  ctx: Ctx,
  inboxId: string,
  event: InboundStatusEvent,
  receivedAt: Date,
) {
  // Find and lock first, then update by id: a single conditional UPDATE racing the worker
  // that records the provider id could match nothing, then find the row, and lose the status.
  const [message] = await ctx.db
    .select({ id: m.id, conversationId: m.conversationId })
    .from(m)
    .where(and(eq(m.inboxId, inboxId), eq(m.providerMessageId, event.providerMessageId)))
    .for('update');
  if (!message) {
    // The callback overtook the worker recording the provider id: try again shortly.
    if (Date.now() - receivedAt.getTime() < ORPHAN_PATIENCE_MS)
      throw new RetryLater(`no message with provider id ${event.providerMessageId} yet`);
    return;
  }
  const [updated] = await ctx.db
    .update(m)
    .set({
      status: event.status,
      errorCode: event.errorCode ?? null,
      errorMessage: event.errorMessage ?? null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(m.id, message.id), sql`${rankOf(m.status)} < ${statusRank[event.status]}`))
    .returning({ id: m.id });
  if (updated) ctx.afterCommit.events.push(messageUpdated(ctx, message));
}
