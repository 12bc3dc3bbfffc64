import { schema, type ConversationOutcome } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import { isStaff, requireUser, type Ctx } from '../context';
import { Conflict, Forbidden } from '../errors';
import { addParticipant, recordActivity } from './activity';
import { requestAssignmentForAgent } from '../assignment/request';
import { getConversation, loadConversationForUpdate, type ConversationRecord } from './load';

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
    .set(closingChanges(input.outcome, 'agent'))
    .where(and(eq(c.id, current.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!updated) throw Conflict('already_closed', 'This conversation is already closed.');
  // Whoever closes a conversation took part in it, so it stays in their Closed tab.
  await addParticipant(ctx, updated.id, user.id);
  await afterClosing(ctx, updated, current.status === 'open' ? current.assigneeId : null, {
    outcome: input.outcome,
  });
  return getConversation({ ctx, input });
}

/** The columns every close sets: by a person, the customer (web chat) or a timer. */
export function closingChanges(outcome: ConversationOutcome, by: 'agent' | 'customer' | 'system') {
  return {
    status: 'closed' as const,
    outcome,
    closedBy: by,
    phase: 'in_progress' as const,
    snoozedUntil: null,
    waitingSince: null,
    unansweredSince: null,
    closedAt: sql`now()`,
    lastAssigneeId: sql`coalesce(${c.assigneeId}, ${c.lastAssigneeId})`,
    version: sql`${c.version} + 1`,
    updatedAt: sql`now()`,
  };
}

/**
 * What follows every close: guests keep it in Closed as participants but a later reopen does
 * not invite them again; the activity line; and the agent who held it has a free slot, so
 * their automatic teams may hand them the next one.
 */
export async function afterClosing(
  ctx: Ctx,
  closed: ConversationRecord,
  freedAgentId: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await ctx.db
    .update(schema.conversationParticipants)
    .set({ invitedAt: null })
    .where(
      and(
        eq(schema.conversationParticipants.conversationId, closed.id),
        eq(schema.conversationParticipants.workspaceId, ctx.workspaceId),
      ),
    );
  await recordActivity(ctx, closed, 'closed', detail);
  if (freedAgentId) await requestAssignmentForAgent(ctx, freedAgentId);
}
