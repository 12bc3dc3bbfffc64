import { schema } from '@switchboard/db';
import { and, asc, eq, gte, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { recordActivity } from '../conversations/activity';
import { afterClosing, closingChanges } from '../conversations/close';
import type { ConversationRecord } from '../conversations/load';
import { ofVisitor } from './of-visitor';
import {
  automaticMessageTarget,
  sendAutomaticMessage,
  type CustomerLanguage,
} from '../messages/automatic-message';

const c = schema.conversations;
const m = schema.messages;

export type VisitorGoneResult = 'abandoned' | 'away' | 'unchanged';

/**
 * The visitor's grace period is over and they did not come back. Waiting in the queue, the
 * conversation ends as `abandoned`. Once an agent has taken it (or it was an offline message,
 * which nobody promised to answer live, or the customer carried on by another channel), a
 * closed tab never ends it: the visitor is marked away, later replies follow them by email or
 * SMS, and replies they missed since leaving go now.
 */
export async function visitorGone({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { conversationId: string; visitorId: string; leftAt: number };
}): Promise<VisitorGoneResult> {
  const [conversation] = await ctx.db
    .select()
    .from(c)
    .where(
      and(
        eq(c.id, input.conversationId),
        eq(c.workspaceId, ctx.workspaceId),
        ne(c.status, 'closed'),
        isNull(c.visitorAwaySince),
        ofVisitor(input.visitorId),
      ),
    )
    .for('update');
  if (!conversation) return 'unchanged';
  const leftAt = new Date(input.leftAt);
  if (
    conversation.status === 'waiting' &&
    !conversation.receivedOffline &&
    !(await wroteElsewhereSince(ctx, conversation.id, leftAt))
  ) {
    await abandon(ctx, conversation);
    return 'abandoned';
  }
  const [away] = await ctx.db
    .update(c)
    .set({
      visitorAwaySince: leftAt,
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(c.id, conversation.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!away) return 'unchanged';
  const target = await automaticMessageTarget(ctx, away);
  const followUp = target && target.inbox.kind !== 'webchat' ? target : null;
  await recordActivity(ctx, away, 'visitor_left', {
    followUp: followUp ? (followUp.inbox.kind === 'email' ? 'email' : 'sms') : null,
  });
  if (followUp) await sendMissedReplies(ctx, away, followUp, leftAt);
  return 'away';
}

/** The customer carried on by email, SMS or WhatsApp after closing the chat: not abandoned. */
async function wroteElsewhereSince(ctx: Ctx, conversationId: string, since: Date) {
  const [other] = await ctx.db
    .select({ id: m.id })
    .from(m)
    .where(
      and(
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.conversationId, conversationId),
        eq(m.direction, 'inbound'),
        ne(m.channel, 'webchat'),
        gte(m.occurredAt, since),
      ),
    )
    .limit(1);
  return !!other;
}

async function abandon(ctx: Ctx, conversation: ConversationRecord) {
  const [closed] = await ctx.db
    .update(c)
    .set(closingChanges('abandoned', 'system'))
    .where(
      and(eq(c.id, conversation.id), eq(c.workspaceId, ctx.workspaceId), eq(c.status, 'waiting')),
    )
    .returning();
  if (!closed) return;
  // A waiting conversation holds no agent's slot, so nobody is freed.
  await afterClosing(ctx, closed, null, {
    by: 'system',
    outcome: 'abandoned',
    reason: 'visitor_left',
  });
}

const missedHeading: Record<CustomerLanguage, string> = {
  en: 'You have new replies in your chat:',
  es: 'Tienes respuestas nuevas en tu chat:',
  pt: 'Você tem novas respostas no seu chat:',
};

/** Replies people wrote in the chat after the visitor left, gathered into one message. */
async function sendMissedReplies(
  ctx: Ctx,
  conversation: ConversationRecord,
  target: NonNullable<Awaited<ReturnType<typeof automaticMessageTarget>>>,
  leftAt: Date,
) {
  const missed = await ctx.db
    .select({ text: m.text, author: schema.users.name })
    .from(m)
    .innerJoin(schema.users, eq(schema.users.id, m.authorUserId))
    .where(
      and(
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.conversationId, conversation.id),
        eq(m.direction, 'outbound'),
        eq(m.kind, 'message'),
        eq(m.channel, 'webchat'),
        isNotNull(m.authorUserId),
        gte(m.occurredAt, leftAt),
      ),
    )
    .orderBy(asc(m.occurredAt), asc(m.seq));
  if (missed.length === 0) return;
  const text = [
    missedHeading[target.language],
    ...missed.map((reply) => `${reply.author}: ${reply.text}`),
  ].join('\n\n');
  await sendAutomaticMessage(ctx, conversation, target, {
    text,
    metadata: { followUp: { replies: missed.length } },
  });
}

/**
 * The visitor opened the chat again (from the same browser or the link in a follow-up): the
 * conversation they are back in is no longer away, so replies go to the chat again.
 */
export async function visitorReturned({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { inboxId: string; visitorId: string };
}): Promise<boolean> {
  const [back] = await ctx.db
    .update(c)
    .set({ visitorAwaySince: null, version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.inboxId, input.inboxId),
        ne(c.status, 'closed'),
        isNotNull(c.visitorAwaySince),
        ofVisitor(input.visitorId),
      ),
    )
    .returning();
  if (!back) return false;
  await recordActivity(ctx, back, 'visitor_returned');
  return true;
}
