import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import { isStaff, requireUser, type Ctx, type UserActor } from '../context';
import { addParticipant, conversationUpdated, messageCreated } from '../conversations/activity';
import { loadConversationForUpdate, type ConversationRecord } from '../conversations/load';
import { isInvitedUser } from '../conversations/guards';
import { Conflict } from '../errors';
import { emailReplyHeaders } from './email-headers';
import { presentMessages, selectMessages, type MessageView } from './present';
import { replyChannelOf } from './reply-channel';

const c = schema.conversations;

export interface OutboundTarget {
  user: UserActor;
  conversation: ConversationRecord;
  /** The inbox the reply goes out through: the channel the customer last used. */
  inboxId: string;
  inboxKind: (typeof schema.inboxes.$inferSelect)['kind'];
  inboxAddress: string;
}

/**
 * Locks the conversation and checks the agent may write in it. Notes are open to anyone who
 * sees the conversation; a message to the customer needs it open and assigned to them.
 */
export async function outboundTarget(
  ctx: Ctx,
  conversationId: string,
  options: { note: boolean },
): Promise<OutboundTarget> {
  const user = requireUser(ctx.actor);
  const conversation = await loadConversationForUpdate(ctx, conversationId);
  if (!options.note) {
    if (conversation.status !== 'open') {
      throw Conflict(
        'not_open',
        'Accept or reopen the conversation before replying to the customer.',
      );
    }
    // Invited (or joined) colleagues may write to the customer too.
    if (
      conversation.assigneeId !== user.id &&
      !isStaff(user) &&
      !(await isInvitedUser(ctx, conversation.id, user.id))
    ) {
      throw Conflict('not_assigned', 'This conversation is assigned to another agent.');
    }
  }
  const channel = await replyChannelOf(ctx.db, conversation);
  return {
    user,
    conversation,
    inboxId: channel.inboxId,
    inboxKind: channel.kind,
    inboxAddress: channel.address,
  };
}

/**
 * Stores an agent's message (`queued` for the customer, or a private note) and schedules its
 * delivery once the transaction commits. `beforeSend` adds rows (attachments) that must exist
 * when the worker picks the message up.
 */
export async function recordOutbound(
  ctx: Ctx,
  target: OutboundTarget,
  input: {
    text: string;
    note: boolean;
    metadata?: Record<string, unknown>;
    preview?: string;
    beforeSend?: (messageId: string) => Promise<void>;
  },
): Promise<MessageView> {
  const { user, conversation, inboxKind } = target;
  const { note } = input;
  const email =
    !note && inboxKind === 'email'
      ? await emailReplyHeaders(ctx, conversation, target.inboxAddress)
      : {};
  const [message] = await ctx.db
    .insert(schema.messages)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId: conversation.id,
      inboxId: target.inboxId,
      channel: note ? null : inboxKind,
      direction: note ? 'internal' : 'outbound',
      kind: note ? 'note' : 'message',
      authorUserId: user.id,
      text: input.text,
      status: note ? 'received' : 'queued',
      metadata: input.metadata ?? {},
      ...email,
      occurredAt: sql`clock_timestamp()`,
      // Next reply time: how long the customer had waited for this reply, once the first
      // response is behind us (the first one is measured on the conversation).
      responseMs: note
        ? null
        : sql`(select case when ${c.firstResponseAt} is not null and ${c.unansweredSince} is not null
            then greatest(0, round(extract(epoch from clock_timestamp() - ${c.unansweredSince}) * 1000))::bigint
            end from ${c} where ${c.id} = ${conversation.id} and ${c.workspaceId} = ${ctx.workspaceId})`,
    })
    .returning({ id: schema.messages.id });
  if (!message) throw new Error('insert returned nothing');
  await input.beforeSend?.(message.id);

  const [updated] = await ctx.db
    .update(c)
    .set(
      note
        ? { version: sql`${c.version} + 1`, updatedAt: sql`now()` }
        : {
            lastMessagePreview: (input.preview ?? input.text).slice(0, 200),
            lastMessageAt: sql`now()`,
            lastOutboundAt: sql`now()`,
            firstResponseAt: sql`coalesce(${c.firstResponseAt}, now())`,
            unansweredSince: null,
            phase: 'waiting_customer',
            snoozedUntil: null,
            unreadCount: 0,
            version: sql`${c.version} + 1`,
            updatedAt: sql`now()`,
          },
    )
    .where(and(eq(c.id, conversation.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  await addParticipant(ctx, conversation.id, user.id);

  if (!note)
    ctx.afterCommit.jobs.push({ name: 'outbound.send', payload: { messageId: message.id } });
  ctx.afterCommit.events.push(
    messageCreated(ctx, conversation, message.id),
    conversationUpdated(ctx, updated ?? conversation),
  );
  const [view] = await presentMessages(
    ctx.db,
    await selectMessages(ctx.db).where(eq(schema.messages.id, message.id)),
  );
  if (!view) throw new Error('message vanished');
  return view;
}
