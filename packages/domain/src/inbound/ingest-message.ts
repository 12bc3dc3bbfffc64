import { schema, type IdentityKind, type InboxKind } from '@switchboard/db';
import type { InboundEmail, InboundMessageEvent } from '@switchboard/channels';
import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { conversationUpdated, messageCreated, recordActivity } from '../conversations/activity';
import type { ConversationRecord } from '../conversations/load';
import { newReference } from '../conversations/reference';
import { storeInboundAttachments } from './inbound-attachments';
import { findEmailThread } from './email-thread';
import { contactIdByIdentity } from '../contacts/find-by-identity';
import { applyRoutingRules } from '../routing/evaluate';
import { autoReplyJob, teamsWithAutoReply } from '../automation/auto-reply';
import { teamIsAttending } from '../teams/attending';
import { lastAgentWithRoom, requestAssignment } from '../assignment/index';
import { withChosenTeam } from '../webchat/chosen-team';
import { conversationByQuotedReference, liveWebchatOfContact } from './continue-conversation';
import { occurredAtSql } from './occurred-at';

const c = schema.conversations;
const DEFAULT_REOPEN_WINDOW_HOURS = 24;

export interface IngestInbox {
  id: string;
  kind: InboxKind;
  address: string;
  defaultTeamId: string | null;
}

/**
 * Files one inbound message: contact, conversation (found, reopened or opened), message.
 * Serialized per customer identity with a transaction-scoped advisory lock, so concurrent
 * first messages from a new number create one contact and one conversation.
 */
export async function ingestInboundMessage(
  ctx: Ctx,
  inbox: IngestInbox,
  event: InboundMessageEvent,
  receivedAt: string,
) {
  await ctx.db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${senderLockKey(ctx.workspaceId, event.from)}, 0))`,
  );

  const [duplicate] = await ctx.db
    .select({ id: schema.messages.id })
    .from(schema.messages)
    .where(
      and(
        eq(schema.messages.inboxId, inbox.id),
        eq(schema.messages.providerMessageId, event.providerMessageId),
      ),
    );
  if (duplicate) return;

  const occurred = occurredAt(event.occurredAt, receivedAt);
  const known = await contactIdByIdentity(ctx, event.from.kind, event.from.address);
  // The same number on SMS and WhatsApp is one customer with two identities.
  const sibling = known ? null : await phoneSibling(ctx, event);
  const quoted = await conversationByQuotedReference(ctx, inbox, event, known ?? sibling);
  // A new address quoting a reference stays its own contact: the message joins the conversation,
  // replies do not go to it, and a supervisor merges the two if they are the same person.
  const contactId = known ?? (await addSenderIdentity(ctx, event, sibling));
  // Created just now: nothing of theirs to look up, no conversation to find.
  const brandNew = !known && !sibling;
  const contact = brandNew
    ? { country: countryOf(event), language: null, blocked: false }
    : await contactFacts(ctx, contactId);
  const found = contact.blocked
    ? await conversationForBlocked(ctx, inbox, contactId, occurred)
    : (event.email && (await continueEmailThread(ctx, inbox, event.email, occurred))) ||
      ((quoted || !brandNew) &&
        (await continueAcrossChannels(ctx, inbox, contactId, quoted, occurred))) ||
      (await findOrOpenConversation(
        ctx,
        await withChosenTeam(ctx, inbox, event),
        contactId,
        occurred,
        { brandNew },
      ));
  const { conversation } = found;

  const [message] = await ctx.db
    .insert(schema.messages)
    .values({
      workspaceId: ctx.workspaceId,
      conversationId: conversation.id,
      inboxId: inbox.id,
      channel: inbox.kind,
      direction: 'inbound',
      kind: 'message',
      authorContactId: contactId,
      text: event.text,
      providerMessageId: event.providerMessageId,
      status: 'received',
      metadata: event.email?.quoted
        ? { ...event.metadata, quoted: event.email.quoted }
        : event.metadata,
      ...(event.email ? emailColumns(event.email) : {}),
      occurredAt: occurred,
    })
    .returning({ id: schema.messages.id });
  if (!message) throw new Error('message insert returned nothing');
  await storeInboundAttachments(ctx, message.id, event.attachments);

  const [updated] = await ctx.db
    .update(c)
    .set({
      lastMessagePreview: inboundPreview(event),
      lastMessageAt: sql`greatest(${c.lastMessageAt}, ${occurred})`,
      lastInboundAt: sql`greatest(${c.lastInboundAt}, ${occurred})`,
      // The customer now waits for a person; the first message they wait on starts the clock.
      unansweredSince: contact.blocked
        ? c.unansweredSince
        : sql`coalesce(${c.unansweredSince}, least(${occurred}, now()))`,
      // A blocked contact's message is kept for the record, not flagged for anyone to read.
      unreadCount: contact.blocked ? c.unreadCount : sql`${c.unreadCount} + 1`,
      // The customer wrote: whoever holds it is expected to act again.
      phase: sql`case when ${c.phase} = 'needs_help' then ${c.phase} else 'in_progress'::conversation_phase end`,
      snoozedUntil: null,
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(c.id, conversation.id))
    .returning();
  let current = updated ?? conversation;
  ctx.afterCommit.events.push(
    messageCreated(ctx, current, message.id),
    conversationUpdated(ctx, current),
  );

  // Created or reopened by the customer: rules see the message that did it, then a
  // conversation left waiting may earn the customer an automatic reply.
  if (found.entered && !contact.blocked) {
    current = await applyRoutingRules(ctx, current, {
      text: event.email?.subject ? `${event.email.subject}\n${event.text}` : event.text,
      channel: inbox.kind,
      contact,
    });
    // The web chat's offline-message form, or nobody there to attend when it came in.
    if (
      found.entered === 'opened' &&
      (event.metadata.offline === true || !(await teamIsAttending(ctx, current.teamId)))
    )
      await markReceivedOffline(ctx, current.id);
    // Automatic teams hand it to an agent as soon as this commits.
    if (current.status === 'waiting') requestAssignment(ctx, current.teamId);
    // RFC 3834: never answer a machine (vacation replies, bounces, lists) with a machine.
    if (
      current.status === 'waiting' &&
      !event.email?.automatic &&
      (await teamsWithAutoReply(ctx, [current.teamId])).size > 0
    ) {
      ctx.afterCommit.jobs.push(autoReplyJob(ctx, current));
    }
  }
}

/**
 * The advisory lock that serializes a sender's messages while their contact may be created.
 * SMS and WhatsApp share phone numbers: one lock, so both channels find the same contact.
 */
export function senderLockKey(
  workspaceId: string,
  from: Pick<InboundMessageEvent['from'], 'kind' | 'address'>,
): string {
  const lockKind = from.kind === 'whatsapp' ? 'phone' : from.kind;
  return `${workspaceId}:${lockKind}:${from.address}`;
}

/** The line the inbox shows under the customer's name. */
export function inboundPreview(event: Pick<InboundMessageEvent, 'text' | 'attachments'>): string {
  const preview =
    event.text.trim() || (event.attachments.length ? `📎 ${event.attachments.length}` : '');
  return preview.slice(0, 200);
}

/** The "offline messages received" indicator: nobody was there to attend when it came in. */
async function markReceivedOffline(ctx: Ctx, conversationId: string) {
  await ctx.db
    .update(c)
    .set({ receivedOffline: true })
    .where(and(eq(c.id, conversationId), eq(c.workspaceId, ctx.workspaceId)));
}

interface FoundConversation {
  conversation: ConversationRecord;
  /** Set when this message created the conversation or reopened it: routing runs then. */
  entered: 'opened' | 'reopened' | null;
}

async function contactFacts(ctx: Ctx, contactId: string) {
  const [row] = await ctx.db
    .select({
      country: schema.contacts.country,
      language: schema.contacts.language,
      blocked: schema.contacts.blocked,
    })
    .from(schema.contacts)
    .where(
      and(eq(schema.contacts.id, contactId), eq(schema.contacts.workspaceId, ctx.workspaceId)),
    );
  return row ?? { country: null, language: null, blocked: false };
}

/**
 * A blocked contact's messages are stored in the thread like anyone's, but never queue or
 * reopen anything: they join the contact's live conversation if one exists (blocking decides
 * what happens to that), else the latest conversation of this inbox without reopening it,
 * else a new conversation created already closed as 'cancelled'. Closed rather than some
 * hidden live state because the tabs are the status: a closed conversation is in nobody's
 * Waiting, counts in no queue or capacity, gets no auto-reply, stays visible in the
 * contact's history, and does not hold the one-live-per-contact slot, so after unblocking
 * the customer's next message opens a normal conversation.
 */
async function conversationForBlocked(
  ctx: Ctx,
  inbox: IngestInbox,
  contactId: string,
  at: SQL,
): Promise<FoundConversation> {
  const [latest] = await ctx.db
    .select()
    .from(c)
    .where(
      and(eq(c.contactId, contactId), eq(c.inboxId, inbox.id), eq(c.workspaceId, ctx.workspaceId)),
    )
    .orderBy(sql`${c.status} = 'closed'`, desc(c.createdAt))
    .limit(1)
    .for('update');
  if (latest) return { conversation: latest, entered: null };
  const created = await openConversation(ctx, inbox, contactId, null, at, { blocked: true });
  return { conversation: created, entered: null };
}

function occurredAt(provider: Date | undefined, receivedAt: string): SQL {
  return occurredAtSql(
    provider ? sql`${provider.toISOString()}::timestamptz` : null,
    sql`${receivedAt}::timestamptz`,
  );
}

/**
 * The sender is new to us: their address joins `into` (the same number's other channel), else a
 * new contact is created for it.
 */
async function addSenderIdentity(
  ctx: Ctx,
  event: InboundMessageEvent,
  into: string | null,
): Promise<string> {
  if (into) {
    await ctx.db.insert(schema.contactIdentities).values({
      workspaceId: ctx.workspaceId,
      contactId: into,
      kind: event.from.kind,
      address: event.from.address,
      displayName: event.from.displayName ?? null,
    });
    if (event.from.displayName) {
      await ctx.db
        .update(schema.contacts)
        .set({ name: sql`coalesce(${schema.contacts.name}, ${event.from.displayName})` })
        .where(eq(schema.contacts.id, into));
    }
    return into;
  }

  const [contact] = await ctx.db
    .insert(schema.contacts)
    .values({
      workspaceId: ctx.workspaceId,
      name: event.from.displayName ?? null,
      country: countryOf(event),
    })
    .returning({ id: schema.contacts.id });
  if (!contact) throw new Error('contact insert returned nothing');
  await ctx.db.insert(schema.contactIdentities).values({
    workspaceId: ctx.workspaceId,
    contactId: contact.id,
    kind: event.from.kind,
    address: event.from.address,
    displayName: event.from.displayName ?? null,
  });
  return contact.id;
}

/** The country the provider placed the sender's number in, when it says. */
export function countryOf(event: InboundMessageEvent): string | null {
  return typeof event.metadata.country === 'string' ? event.metadata.country : null;
}

/** The identity kind under which the same address is the same customer: a phone's WhatsApp. */
export function siblingKind(kind: IdentityKind): IdentityKind | null {
  return kind === 'whatsapp' ? 'phone' : kind === 'phone' ? 'whatsapp' : null;
}

async function phoneSibling(ctx: Ctx, event: InboundMessageEvent): Promise<string | null> {
  const other = siblingKind(event.from.kind);
  if (!other) return null;
  return contactIdByIdentity(ctx, other, event.from.address);
}

function emailColumns(email: InboundEmail) {
  return {
    emailMessageId: email.messageId,
    emailInReplyTo: email.inReplyTo,
    emailReferences: email.references,
    emailSubject: email.subject,
    html: email.html,
  };
}

/**
 * The thread an email continues. A closed one reopens, unless the customer already has a live
 * conversation in this inbox (one live conversation per customer and inbox): it goes there.
 */
async function continueEmailThread(
  ctx: Ctx,
  inbox: IngestInbox,
  email: InboundEmail,
  at: SQL,
): Promise<FoundConversation | null> {
  const thread = await findEmailThread(ctx, inbox, email);
  if (!thread) return null;
  if (thread.status !== 'closed') return { conversation: thread, entered: null };
  const [live] = await ctx.db
    .select()
    .from(c)
    .where(
      and(eq(c.contactId, thread.contactId), eq(c.inboxId, thread.inboxId), ne(c.status, 'closed')),
    )
    .for('update');
  if (live) return { conversation: live, entered: null };
  return { conversation: await reopenForCustomer(ctx, thread, at), entered: 'reopened' };
}

/**
 * Continuity across channels: the conversation whose reference the customer quoted (reopened
 * if it closed within the reopen window), else their live web chat. The message is filed there
 * under the channel it came through, and replies then go back on that channel.
 */
async function continueAcrossChannels(
  ctx: Ctx,
  inbox: IngestInbox,
  contactId: string,
  quoted: ConversationRecord | null,
  at: SQL,
): Promise<FoundConversation | null> {
  if (!quoted) {
    const chat = await liveWebchatOfContact(ctx, inbox, contactId);
    return chat ? { conversation: chat, entered: null } : null;
  }
  if (quoted.status !== 'closed') return { conversation: quoted, entered: null };
  const [live] = await ctx.db
    .select()
    .from(c)
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.contactId, quoted.contactId),
        eq(c.inboxId, quoted.inboxId),
        ne(c.status, 'closed'),
      ),
    )
    .for('update');
  if (live) return { conversation: live, entered: null };
  if (quoted.closedAt && Date.now() - quoted.closedAt.getTime() < (await reopenWindowMs(ctx)))
    return { conversation: await reopenForCustomer(ctx, quoted, at), entered: 'reopened' };
  return null;
}

async function findOrOpenConversation(
  ctx: Ctx,
  inbox: IngestInbox,
  contactId: string,
  at: SQL,
  sender: { brandNew: boolean },
): Promise<FoundConversation> {
  if (sender.brandNew)
    return {
      conversation: await openConversation(ctx, inbox, contactId, null, at),
      entered: 'opened',
    };
  const [live] = await ctx.db
    .select()
    .from(c)
    .where(and(eq(c.contactId, contactId), eq(c.inboxId, inbox.id), ne(c.status, 'closed')))
    .for('update');
  if (live) return { conversation: live, entered: null };

  const [previous] = await ctx.db
    .select()
    .from(c)
    .where(and(eq(c.contactId, contactId), eq(c.inboxId, inbox.id)))
    .orderBy(desc(c.closedAt))
    .limit(1)
    .for('update');
  if (
    previous?.closedAt &&
    Date.now() - previous.closedAt.getTime() < (await reopenWindowMs(ctx))
  ) {
    return { conversation: await reopenForCustomer(ctx, previous, at), entered: 'reopened' };
  }
  const opened = await openConversation(ctx, inbox, contactId, previous?.id ?? null, at);
  return { conversation: opened, entered: 'opened' };
}

async function reopenWindowMs(ctx: Ctx): Promise<number> {
  const [workspace] = await ctx.db
    .select({ settings: schema.workspaces.settings })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.id, ctx.workspaceId));
  return (workspace?.settings.reopenWindowHours ?? DEFAULT_REOPEN_WINDOW_HOURS) * 3600 * 1000;
}

/** Back to its last agent when they are online and have room, else to the team's queue. */
async function reopenForCustomer(
  ctx: Ctx,
  previous: ConversationRecord,
  at: SQL,
): Promise<ConversationRecord> {
  const toAgent = await lastAgentWithRoom(ctx, previous.lastAssigneeId);
  const [reopened] = await ctx.db
    .update(c)
    .set({
      status: toAgent ? 'open' : 'waiting',
      assigneeId: toAgent,
      outcome: null,
      closedAt: null,
      phase: 'in_progress',
      waitingSince: toAgent ? null : sql`now()`,
      queuedAt: toAgent ? c.queuedAt : sql`now()`,
      reopenCount: sql`${c.reopenCount} + 1`,
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(c.id, previous.id))
    .returning();
  if (!reopened) throw new Error('reopen returned nothing');
  await recordActivity(
    ctx,
    reopened,
    'reopened',
    { by: 'customer', ...(toAgent ? { to: toAgent } : {}) },
    at,
  );
  return reopened;
}

async function openConversation(
  ctx: Ctx,
  inbox: IngestInbox,
  contactId: string,
  previousId: string | null,
  at: SQL,
  options: { blocked?: boolean } = {},
) {
  for (let attempt = 0; ; attempt++) {
    try {
      // A savepoint, so a clash on the random reference retries without losing the transaction.
      const created = await ctx.db.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(c)
          .values({
            workspaceId: ctx.workspaceId,
            inboxId: inbox.id,
            contactId,
            reference: newReference(),
            teamId: inbox.defaultTeamId,
            previousConversationId: previousId,
            ...(options.blocked
              ? { status: 'closed' as const, outcome: 'cancelled' as const, closedAt: sql`now()` }
              : { status: 'waiting' as const, queuedAt: sql`now()`, waitingSince: sql`now()` }),
          })
          .returning();
        return row;
      });
      if (!created) throw new Error('conversation insert returned nothing');
      await recordActivity(ctx, created, 'opened', {}, at);
      if (options.blocked)
        await recordActivity(ctx, created, 'closed', {
          by: 'system',
          outcome: 'cancelled',
          reason: 'contact_blocked',
        });
      return created;
    } catch (error) {
      const clash =
        (error as { code?: string; constraint_name?: string }).constraint_name ===
        'conversations_reference_key';
      if (!clash || attempt >= 5) throw error;
    }
  }
}
