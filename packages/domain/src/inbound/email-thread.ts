import { replyToken, type InboundEmail } from '@switchboard/channels';
import { schema } from '@switchboard/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { ConversationRecord } from '../conversations/load';
import { referenceInSubject, referenceInToken, tokenMatches } from '../conversations/reply-token';

const c = schema.conversations;

/**
 * The conversation an inbound mail continues, in the order DESIGN §2 gives: Message-IDs we
 * stored (In-Reply-To, then References, newest first), the Reply-To token, the reference in
 * the subject. Null means a new problem.
 */
export async function findEmailThread(
  ctx: Ctx,
  inbox: { id: string; address: string },
  email: InboundEmail,
): Promise<ConversationRecord | null> {
  return (
    (await byMessageIds(ctx, email)) ??
    (await byToken(ctx, inbox, email.recipients)) ??
    (await byReference(ctx, inbox, referenceInSubject(email.subject)))
  );
}

async function byMessageIds(ctx: Ctx, email: InboundEmail) {
  // Outlook rewrites In-Reply-To but keeps References: every id counts, the latest first.
  const ids = [email.inReplyTo, ...[...email.references].reverse()].filter((id): id is string =>
    Boolean(id),
  );
  if (!ids.length) return null;
  const [known] = await ctx.db
    .select({ conversationId: schema.messages.conversationId })
    .from(schema.messages)
    .where(
      and(
        eq(schema.messages.workspaceId, ctx.workspaceId),
        inArray(schema.messages.emailMessageId, ids.slice(0, 50)),
      ),
    )
    .orderBy(desc(schema.messages.occurredAt))
    .limit(1);
  return known ? lockConversation(ctx, known.conversationId) : null;
}

async function byToken(ctx: Ctx, inbox: { address: string }, recipients: string[]) {
  const mailbox = replyToken(inbox.address);
  for (const recipient of recipients) {
    const parsed = replyToken(recipient);
    if (!parsed.token || parsed.local !== mailbox.local || parsed.domain !== mailbox.domain)
      continue;
    const reference = referenceInToken(parsed.token);
    const conversation = reference ? await byReference(ctx, null, reference) : null;
    if (conversation && tokenMatches(ctx.deps.secretKey, parsed.token, conversation.id))
      return conversation;
  }
  return null;
}

async function byReference(ctx: Ctx, inbox: { id: string } | null, reference: string | null) {
  if (!reference) return null;
  const [row] = await ctx.db
    .select()
    .from(c)
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.reference, reference),
        ...(inbox ? [eq(c.inboxId, inbox.id)] : []),
      ),
    )
    .for('update');
  return row ?? null;
}

async function lockConversation(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(c)
    .where(and(eq(c.id, id), eq(c.workspaceId, ctx.workspaceId)))
    .for('update');
  return row ?? null;
}
