import { schema, type ConversationOutcome } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import { isStaff, requireUser, type Ctx } from '../context';
import { Conflict, Forbidden } from '../errors';
import { addParticipant, recordActivity } from './activity';
import { requestAssignmentForAgent } from '../assignment/request';
import { getConversation, loadConversationForUpdate } from './load';

const c = schema.conversations;

/** Ends a conversation with an outcome. Agents close their own, or waiting ones of their teams. */
export async function closeConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; outcome: ConversationOutcome };
}) {
  const user = requireUser(ctx.actor);
  const current = await loadConversationForUpdate(ctx, input.id);
  if (current.status === 'closed')
    throw Conflict('already_closed', 'This conversation is already closed.');
  if (current.status === 'open' && current.assigneeId !== user.id && !isStaff(user)) {
    throw Forbidden('Only the assigned agent or a supervisor can close this conversation.');
  }
  const [updated] = await ctx.db
    .update(c)
    .set({
      status: 'closed',
      outcome: input.outcome,
      phase: 'in_progress',
      snoozedUntil: null,
      waitingSince: null,
      closedAt: sql`now()`,
      lastAssigneeId: sql`coalesce(${c.assigneeId}, ${c.lastAssigneeId})`,
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(c.id, current.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!updated) throw Conflict('already_closed', 'This conversation is already closed.');
  // Whoever closes a conversation took part in it, so it stays in their Closed tab.
  await addParticipant(ctx, updated.id, user.id);
  // Guests keep it in Closed as participants, but a later reopen does not invite them again.
  await ctx.db
    .update(schema.conversationParticipants)
    .set({ invitedAt: null })
    .where(eq(schema.conversationParticipants.conversationId, updated.id));
  await recordActivity(ctx, updated, 'closed', { outcome: input.outcome });
  // Its agent has a free slot: their automatic teams may hand them the next one.
  if (current.status === 'open' && current.assigneeId)
    await requestAssignmentForAgent(ctx, current.assigneeId);
  return getConversation({ ctx, input });
}
