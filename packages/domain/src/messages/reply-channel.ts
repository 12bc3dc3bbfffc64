import { schema, type Executor, type IdentityKind, type InboxKind } from '@switchboard/db';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';

const m = schema.messages;
const ci = schema.contactIdentities;

/** Which identity of the contact a message on each kind of inbox goes to. */
export const identityForInbox: Record<InboxKind, IdentityKind> = {
  sms_twilio: 'phone',
  whatsapp_twilio: 'whatsapp',
  whatsapp_cloud: 'whatsapp',
  email: 'email',
  webchat: 'web',
};

/** Where a reply to the customer goes now. */
export interface ReplyChannel {
  inboxId: string;
  kind: InboxKind;
  address: string;
  /** The customer's address on that channel (null on web chat, or when none is known). */
  to: string | null;
  /** The web chat visitor left: this reply follows them by email or SMS. */
  followUp: boolean;
}

export interface ReplyChannelSubject {
  id: string;
  workspaceId: string;
  inboxId: string;
  contactId: string;
  visitorAwaySince: Date | null;
}

interface InboxRow {
  id: string;
  kind: InboxKind;
  address: string;
}

/**
 * Replies go back on the channel the customer last wrote through (a web chat customer who
 * answered by email gets email), or to the chat when they came back to it since. A web chat visitor who left after an agent took the chat is
 * followed by email, else SMS, from the workspace's first inbox of that kind, when they left
 * an address; else the reply waits in the chat for their return. Batched for lists.
 */
export async function replyChannels(
  db: Executor,
  conversations: ReplyChannelSubject[],
): Promise<Map<string, ReplyChannel>> {
  const result = new Map<string, ReplyChannel>();
  if (conversations.length === 0) return result;
  const workspaceIds = [...new Set(conversations.map((row) => row.workspaceId))];
  const lastInbound = await db
    .selectDistinctOn([m.conversationId], { conversationId: m.conversationId, inboxId: m.inboxId })
    .from(m)
    .where(
      and(
        inArray(m.workspaceId, workspaceIds),
        inArray(
          m.conversationId,
          conversations.map((row) => row.id),
        ),
        or(
          // What the customer wrote: only as the conversation's own contact, so an address that
          // merely quoted the reference never draws the replies to itself.
          and(
            eq(m.direction, 'inbound'),
            eq(m.kind, 'message'),
            sql`${m.authorContactId} = (select contact_id from conversations
              where conversations.id = ${m.conversationId})`,
          ),
          // Back in the chat (recorded in the chat's own inbox): replies go there again.
          and(eq(m.kind, 'activity'), sql`${m.activity}->>'type' = 'visitor_returned'`),
        ),
      ),
    )
    .orderBy(m.conversationId, desc(m.occurredAt), desc(m.seq));
  const inboxes = await db
    .select({
      id: schema.inboxes.id,
      workspaceId: schema.inboxes.workspaceId,
      kind: schema.inboxes.kind,
      address: schema.inboxes.address,
    })
    .from(schema.inboxes)
    .where(inArray(schema.inboxes.workspaceId, workspaceIds))
    .orderBy(asc(schema.inboxes.createdAt));
  const identities = await db
    .select({ contactId: ci.contactId, kind: ci.kind, address: ci.address })
    .from(ci)
    .where(
      and(
        inArray(ci.workspaceId, workspaceIds),
        inArray(ci.contactId, [...new Set(conversations.map((row) => row.contactId))]),
      ),
    )
    // The newest address of each kind wins.
    .orderBy(desc(ci.createdAt));

  for (const conversation of conversations) {
    const own = inboxes.filter((inbox) => inbox.workspaceId === conversation.workspaceId);
    const inboxById = (id: string | undefined) => own.find((inbox) => inbox.id === id);
    const last =
      inboxById(lastInbound.find((row) => row.conversationId === conversation.id)?.inboxId) ??
      inboxById(conversation.inboxId);
    if (!last) continue;
    const addressOf = (kind: IdentityKind) =>
      identities.find((row) => row.contactId === conversation.contactId && row.kind === kind)
        ?.address ?? null;
    const channel = (inbox: InboxRow, followUp: boolean): ReplyChannel => ({
      inboxId: inbox.id,
      kind: inbox.kind,
      address: inbox.address,
      to: inbox.kind === 'webchat' ? null : addressOf(identityForInbox[inbox.kind]),
      followUp,
    });
    let chosen = channel(last, false);
    if (last.kind === 'webchat' && conversation.visitorAwaySince) {
      const first = (kind: InboxKind) => own.find((inbox) => inbox.kind === kind);
      const email = addressOf('email') ? first('email') : undefined;
      const sms = addressOf('phone') ? first('sms_twilio') : undefined;
      const follow = email ?? sms;
      if (follow) chosen = channel(follow, true);
    }
    result.set(conversation.id, chosen);
  }
  return result;
}

/** One conversation's reply channel. */
export async function replyChannelOf(
  db: Executor,
  conversation: ReplyChannelSubject,
): Promise<ReplyChannel> {
  const channel = (await replyChannels(db, [conversation])).get(conversation.id);
  if (!channel) throw new Error('conversation without inbox');
  return channel;
}
