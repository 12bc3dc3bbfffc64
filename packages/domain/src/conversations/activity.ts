import { schema } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { ConversationRecord } from './load';

export type ActivityType =
  | 'opened'
  | 'accepted'
  | 'closed'
  | 'reopened'
  | 'assigned'
  | 'returned'
  | 'transcript_sent'
  | 'transferred'
  | 'tagged'
  | 'held'
  | 'invited'
  | 'joined'
  | 'help_requested'
  | 'snoozed'
  | 'unsnoozed'
  | 'contact_blocked'
  | 'contact_unblocked'
  | 'contacts_merged'
  | 'routed'
  | 'woke'
  | 'visitor_left'
  | 'visitor_returned'
  | 'rated';

/**
 * Records a state change as an activity line in the thread and schedules the realtime hint.
 * Called inside the transaction that made the change, so the log never disagrees with the row.
 */
export async function recordActivity(
  ctx: Ctx,
  conversation: Pick<ConversationRecord, 'id' | 'inboxId' | 'teamId' | 'assigneeId' | 'version'>,
  type: ActivityType,
  detail: Record<string, unknown> = {},
  /** When it happened, if not now: a customer's message that opens a conversation comes first. */
  occurredAt?: SQL,
): Promise<void> {
  const actor =
    ctx.actor.type === 'user'
      ? { actorId: ctx.actor.id, actorName: ctx.actor.name }
      : { actorId: null, actorName: null, actorType: ctx.actor.type };
  const [message] = await ctx.db
    .insert(schema.messages)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId: conversation.id,
      inboxId: conversation.inboxId,
      direction: 'internal',
      kind: 'activity',
      authorUserId: ctx.actor.type === 'user' ? ctx.actor.id : null,
      status: 'received',
      activity: { type, ...actor, ...detail },
      occurredAt: occurredAt ?? sql`clock_timestamp()`,
    })
    .returning({ id: schema.messages.id });
  ctx.afterCommit.events.push(
    messageCreated(ctx, conversation, message?.id),
    conversationUpdated(ctx, conversation),
  );
}

/** A message changed (status, reaction, bounce): clients showing its conversation refetch it. */
export function messageUpdated(ctx: Ctx, message: { conversationId: string; id: string }) {
  return {
    type: 'message.updated' as const,
    workspaceId: ctx.workspaceId,
    conversationId: message.conversationId,
    messageId: message.id,
  };
}

/** The realtime hint for a new line in a conversation's thread. */
export function messageCreated(
  ctx: Pick<Ctx, 'workspaceId'>,
  conversation: Pick<ConversationRecord, 'id' | 'teamId' | 'assigneeId'>,
  messageId: string | undefined,
) {
  return {
    type: 'message.created' as const,
    workspaceId: ctx.workspaceId,
    conversationId: conversation.id,
    messageId,
    assigneeId: conversation.assigneeId,
    teamId: conversation.teamId,
  };
}

export function conversationUpdated(
  ctx: Pick<Ctx, 'workspaceId'>,
  conversation: Pick<ConversationRecord, 'id' | 'teamId' | 'assigneeId' | 'version'>,
) {
  return {
    type: 'conversation.updated' as const,
    workspaceId: ctx.workspaceId,
    conversationId: conversation.id,
    assigneeId: conversation.assigneeId,
    teamId: conversation.teamId,
    version: conversation.version,
  };
}

/**
 * The conversation changed hands: its previous holder also hears the hints this transaction
 * scheduled for it, so their Open tab drops it. Call after `recordActivity`.
 */
export function alsoTell(ctx: Ctx, conversationId: string, userId: string | null): void {
  if (!userId) return;
  for (const event of ctx.afterCommit.events) {
    if (event.conversationId !== conversationId || event.type === 'notification.created') continue;
    if (event.assigneeId === userId || event.audienceUserIds?.includes(userId)) continue;
    event.audienceUserIds = [...(event.audienceUserIds ?? []), userId];
  }
}

export async function addParticipant(
  ctx: Ctx,
  conversationId: string,
  userId: string,
): Promise<void> {
  await ctx.db
    .insert(schema.conversationParticipants)
    .values({ workspaceId: ctx.workspaceId, conversationId, userId })
    .onConflictDoNothing();
}
