import { schema } from '@switchboard/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../context';
import { recordActivity } from '../conversations/activity';
import { loadConversationForUpdate, type ConversationRecord } from '../conversations/load';
import { Conflict, Invalid } from '../errors';

const address = z.email();

/**
 * "Send transcript by email", on a conversation of any channel: to the address the agent
 * typed, else the customer's email. Only a conversation the agent may see.
 */
export async function requestTranscript({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { conversationId: string; to?: string | undefined };
}): Promise<{ to: string }> {
  const conversation = await loadConversationForUpdate(ctx, input.conversationId);
  const to = input.to?.trim().toLowerCase() || (await contactEmail(ctx, conversation.contactId));
  if (!to)
    throw Invalid('no_email_address', 'The customer has no email address: type one to send it to.');
  return sendTranscript(ctx, conversation, { to });
}

/**
 * Queues the transcript mail of a conversation the caller may act on. It goes out from the
 * conversation's email inbox, else the workspace's first one; the worker sends it after commit.
 * `visitorId`: a web chat visitor asked, and the mail holds only what they may see.
 */
export async function sendTranscript(
  ctx: Ctx,
  conversation: ConversationRecord,
  request: { to: string; visitorId?: string },
): Promise<{ to: string }> {
  const to = request.to.trim().toLowerCase();
  if (!address.safeParse(to).success) throw Invalid('invalid', `${to} is not an email address.`);
  const inboxId = await senderInbox(ctx, conversation.inboxId);
  if (!inboxId)
    throw Conflict('no_email_inbox', 'Connect an email inbox to send transcripts by email.');
  await recordActivity(ctx, conversation, 'transcript_sent', {
    to,
    ...(request.visitorId ? { by: 'customer' } : {}),
  });
  ctx.afterCommit.jobs.push({
    name: 'transcript.send',
    payload: {
      conversationId: conversation.id,
      inboxId,
      to,
      ...(request.visitorId ? { visitorId: request.visitorId } : {}),
    },
  });
  return { to };
}

async function contactEmail(ctx: Ctx, contactId: string) {
  const [identity] = await ctx.db
    .select({ address: schema.contactIdentities.address })
    .from(schema.contactIdentities)
    .where(
      and(
        eq(schema.contactIdentities.contactId, contactId),
        eq(schema.contactIdentities.workspaceId, ctx.workspaceId),
        eq(schema.contactIdentities.kind, 'email'),
      ),
    )
    .orderBy(desc(schema.contactIdentities.createdAt))
    .limit(1);
  return identity?.address ?? null;
}

async function senderInbox(ctx: Ctx, conversationInboxId: string) {
  const inboxes = await ctx.db
    .select({ id: schema.inboxes.id })
    .from(schema.inboxes)
    .where(and(eq(schema.inboxes.workspaceId, ctx.workspaceId), eq(schema.inboxes.kind, 'email')))
    .orderBy(asc(schema.inboxes.createdAt));
  return (inboxes.find((inbox) => inbox.id === conversationInboxId) ?? inboxes[0])?.id ?? null;
}
