import { schema } from '@switchboard/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';
import { Conflict, Forbidden } from '../errors';
import { agentLoad, assertRoom } from '../assignment/capacity';
import { lockAssignments } from '../assignment/lock';
import { addParticipant, recordActivity } from './activity';
import { getConversation, loadConversationForUpdate } from './load';

const c = schema.conversations;

/**
 * Reopens a closed conversation to the agent who asks, unless the customer already has a live
 * one or the agent is at capacity (409 `at_capacity`).
 */
export async function reopenConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const user = requireUser(ctx.actor);
  const current = await loadConversationForUpdate(ctx, input.id);
  if (current.status !== 'closed')
    throw Conflict('not_closed', 'Only closed conversations can be reopened.');
  const [live] = await ctx.db
    .select({ reference: c.reference })
    .from(c)
    .where(
      and(
        eq(c.contactId, current.contactId),
        eq(c.inboxId, current.inboxId),
        ne(c.status, 'closed'),
      ),
    )
    .limit(1);
  if (live) {
    throw Conflict(
      'live_conversation_exists',
      `The customer already has an active conversation (${live.reference}).`,
    );
  }
  // It becomes the caller's open conversation: it counts against their capacity, like accepting.
  await lockAssignments(ctx);
  const agent = await agentLoad(ctx.db, ctx.workspaceId, user.id);
  if (!agent) throw Forbidden();
  assertRoom(agent, 'you');
  const [updated] = await ctx.db
    .update(c)
    .set({
      status: 'open',
      phase: 'in_progress',
      outcome: null,
      closedAt: null,
      assigneeId: user.id,
      lastAssigneeId: user.id,
      reopenCount: sql`${c.reopenCount} + 1`,
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(c.id, current.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!updated) throw Conflict('not_closed', 'Only closed conversations can be reopened.');
  await addParticipant(ctx, updated.id, user.id);
  await recordActivity(ctx, updated, 'reopened');
  return getConversation({ ctx, input });
}
