import { schema, type InboxKind } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { conversationUpdated, messageCreated } from '../conversations/activity';
import type { ConversationRecord } from '../conversations/load';
import { serviceWindow } from '../conversations/service-window';
import { languageOf, type CustomerLanguage } from './customer-language';
import { emailReplyHeaders } from './email-headers';

export { languageOf, type CustomerLanguage };
import { replyChannelOf } from './reply-channel';

const c = schema.conversations;
const m = schema.messages;

export interface AutomaticMessageTarget {
  inbox: { id: string; kind: InboxKind; address: string };
  language: CustomerLanguage;
}

/**
 * Where an automatic message to this conversation's customer would go, and in which language
 * (the contact's, else the workspace's, else English). Null when it cannot go: WhatsApp
 * refuses free text outside its 24-hour window, and then the customer simply is not told.
 */
export async function automaticMessageTarget(
  ctx: Ctx,
  conversation: ConversationRecord,
): Promise<AutomaticMessageTarget | null> {
  // The channel a person's reply would take: where the customer last wrote.
  const channel = await replyChannelOf(ctx.db, conversation);
  const inbox = { id: channel.inboxId, kind: channel.kind, address: channel.address };
  const window = serviceWindow(inbox.kind, conversation.lastInboundAt);
  if (window && !window.open) return null;

  const [contact] = await ctx.db
    .select({ language: schema.contacts.language })
    .from(schema.contacts)
    .where(
      and(
        eq(schema.contacts.id, conversation.contactId),
        eq(schema.contacts.workspaceId, ctx.workspaceId),
      ),
    );
  const [workspace] = await ctx.db
    .select({ settings: schema.workspaces.settings })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, ctx.workspaceId));
  return { inbox, language: languageOf(contact?.language, workspace?.settings.defaultLocale) };
}

/**
 * Sends the customer a message written by Switchboard, not by a person: it goes out through
 * the normal outbound path marked `automatic`, and leaves the phase and the response clocks
 * alone, because nobody has answered the customer yet.
 */
export async function sendAutomaticMessage(
  ctx: Ctx,
  conversation: ConversationRecord,
  target: AutomaticMessageTarget,
  message: { text: string; metadata: Record<string, unknown> },
): Promise<void> {
  const { inbox } = target;
  const email =
    inbox.kind === 'email' ? await emailReplyHeaders(ctx, conversation, inbox.address) : {};
  const [row] = await ctx.db
    .insert(m)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId: conversation.id,
      inboxId: inbox.id,
      channel: inbox.kind,
      direction: 'outbound',
      kind: 'message',
      authorUserId: null,
      text: message.text,
      status: 'queued',
      metadata: { ...message.metadata, automatic: true },
      ...email,
      occurredAt: sql`clock_timestamp()`,
    })
    .returning({ id: m.id });
  if (!row) throw new Error('automatic message insert returned nothing');
  const [updated] = await ctx.db
    .update(c)
    .set({ version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(c.id, conversation.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  ctx.afterCommit.jobs.push({ name: 'outbound.send', payload: { messageId: row.id } });
  ctx.afterCommit.events.push(
    messageCreated(ctx, conversation, row.id),
    conversationUpdated(ctx, updated ?? conversation),
  );
}
