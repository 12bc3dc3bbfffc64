import { schema } from '@switchboard/db';
import type { InboundMessageEvent } from '@switchboard/channels';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { ConversationRecord } from '../conversations/load';

const c = schema.conversations;

/** A reference the customer typed anywhere in the text (or the subject): `SB-7K3Q9`, any case. */
export function quotedReference(text: string): string | null {
  const match = /\bSB-([0-9A-HJKMNP-TV-Z]{5})\b/i.exec(text);
  return match ? `SB-${match[1]!.toUpperCase()}` : null;
}

/**
 * The conversation of another inbox whose reference the customer quoted (an SMS, WhatsApp or
 * email answering a web chat), locked. Only when it belongs to the sender's contact, or the
 * sender is new to us; someone known as another customer keeps to their own conversations.
 * A reference is not a key to a customer: replies never go to an address that only quoted it.
 */
export async function conversationByQuotedReference(
  ctx: Ctx,
  inbox: { id: string; kind: string },
  event: InboundMessageEvent,
  senderContactId: string | null,
): Promise<ConversationRecord | null> {
  if (inbox.kind === 'webchat') return null;
  const reference = quotedReference(`${event.email?.subject ?? ''}\n${event.text}`);
  if (!reference) return null;
  const [row] = await ctx.db
    .select()
    .from(c)
    .where(
      and(eq(c.workspaceId, ctx.workspaceId), eq(c.reference, reference), ne(c.inboxId, inbox.id)),
    )
    .for('update');
  if (!row) return null;
  if (senderContactId && senderContactId !== row.contactId) return null;
  return row;
}

/**
 * A live web chat of this contact, when they have nothing live in this inbox: the customer
 * left the chat and carries on by email, SMS or WhatsApp in the same conversation.
 */
export async function liveWebchatOfContact(
  ctx: Ctx,
  inbox: { id: string; kind: string },
  contactId: string,
): Promise<ConversationRecord | null> {
  if (inbox.kind === 'webchat') return null;
  const [liveHere] = await ctx.db
    .select({ id: c.id })
    .from(c)
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.contactId, contactId),
        eq(c.inboxId, inbox.id),
        ne(c.status, 'closed'),
      ),
    );
  if (liveHere) return null;
  const [chat] = await ctx.db
    .select()
    .from(c)
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.contactId, contactId),
        ne(c.status, 'closed'),
        sql`${c.inboxId} in (select id from inboxes where workspace_id = ${ctx.workspaceId} and kind = 'webchat')`,
      ),
    )
    .orderBy(desc(c.lastMessageAt))
    .limit(1)
    .for('update');
  return chat ?? null;
}
