import { decryptJson, schema, type Database, type InboxKind } from '@switchboard/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  addressWithToken,
  type OutboundEmail,
  type OutboundMedia,
  type OutboundTemplate,
} from '@switchboard/channels';
import type { DomainDeps } from '../context';
import { publicAttachmentUrl } from '../attachments/public-link';
import { replyTokenFor } from '../conversations/reply-token';
import { textToHtml } from './text-to-html';
import { RetryLater } from '../errors';
import { processInboundEvent, type Normalizer } from '../inbound/process-event';
import { findPendingStatusEvents } from '../inbound/store-event';
import { publishMessageUpdated } from './publish-update';
import { rankOf, statusRank } from './delivery-status';
import { identityForInbox } from './reply-channel';
import { webchatFollowUpFooter } from '../webchat/follow-up-link';

const m = schema.messages;

export interface OutboundDelivery {
  messageId: string;
  workspaceId: string;
  conversationId: string;
  text: string;
  to: string;
  inbox: {
    id: string;
    kind: InboxKind;
    address: string;
    externalId: string | null;
    credentials: Record<string, string>;
  };
  statusCallbackUrl: string;
  /** An approved template to send instead of free text. */
  template: OutboundTemplate | null;
  /** Files the agent attached, with their bytes and a time-limited public link. */
  media: OutboundMedia[];
  /** Email only: the threading headers stored with the message, and the sender's name. */
  email: OutboundEmail | null;
  /** Set when an earlier attempt may have reached the provider: check there before sending. */
  unknownOutcomeSince: Date | null;
}

const CLAIM_SECONDS = 120;

/**
 * Claims a queued reply for sending and returns what the worker needs; null once it was sent
 * or failed. The claim keeps two jobs for one message (a sweeper's and the original) from both
 * sending it; a worker that dies mid-send lets its claim lapse after two minutes.
 */
export async function claimOutboundDelivery(
  deps: DomainDeps,
  messageId: string,
): Promise<OutboundDelivery | null> {
  const [claimed] = await deps.db
    .update(m)
    .set({
      // A claim still present from an earlier attempt means that worker died mid-send: its
      // outcome is unknown, so the next attempt asks the provider first.
      metadata: sql`${m.metadata} || jsonb_build_object('sendClaimedAt', now()) || case when ${m.metadata} ? 'sendClaimedAt'
        then jsonb_build_object('unknownOutcomeSince', coalesce(${m.metadata}->>'unknownOutcomeSince', ${m.metadata}->>'sendClaimedAt'))
        else '{}'::jsonb end`,
    })
    .where(
      and(
        eq(m.id, messageId),
        eq(m.status, 'queued'),
        eq(m.direction, 'outbound'),
        sql`coalesce((${m.metadata}->>'sendClaimedAt')::timestamptz < now() - make_interval(secs => ${CLAIM_SECONDS}), true)`,
      ),
    )
    .returning({ id: m.id });
  if (!claimed) {
    const [still] = await deps.db.select({ status: m.status }).from(m).where(eq(m.id, messageId));
    if (still?.status === 'queued') throw new RetryLater('another worker is sending this message');
    return null;
  }
  const [row] = await deps.db
    .select({
      message: m,
      contactId: schema.conversations.contactId,
      reference: schema.conversations.reference,
      conversationInboxId: schema.conversations.inboxId,
      conversationInboxKind: sql<InboxKind>`(select kind from inboxes where id = ${schema.conversations.inboxId})`,
      contactLanguage: sql<
        string | null
      >`(select language from contacts where id = ${schema.conversations.contactId})`,
      authorName: schema.users.name,
      inbox: schema.inboxes,
    })
    .from(m)
    .innerJoin(schema.conversations, eq(schema.conversations.id, m.conversationId))
    .innerJoin(schema.inboxes, eq(schema.inboxes.id, m.inboxId))
    .leftJoin(schema.users, eq(schema.users.id, m.authorUserId))
    .where(eq(m.id, messageId));
  if (!row) return null;

  const [identity] = await deps.db
    .select({ address: schema.contactIdentities.address })
    .from(schema.contactIdentities)
    .where(
      and(
        eq(schema.contactIdentities.contactId, row.contactId),
        eq(schema.contactIdentities.kind, identityForInbox[row.inbox.kind]),
      ),
    )
    .orderBy(desc(schema.contactIdentities.createdAt))
    .limit(1);

  // A web chat customer reached by email or SMS gets the reference and a way back to the chat.
  const footer =
    row.conversationInboxKind === 'webchat' && row.inbox.kind !== 'webchat'
      ? await webchatFollowUpFooter(
          deps.db,
          deps,
          {
            id: row.message.conversationId,
            workspaceId: row.message.workspaceId,
            inboxId: row.conversationInboxId,
            reference: row.reference,
          },
          row.contactLanguage,
        )
      : null;
  const text = footer ? `${row.message.text}\n\n${footer}` : row.message.text;

  return {
    messageId,
    workspaceId: row.message.workspaceId,
    conversationId: row.message.conversationId,
    text,
    to: identity?.address ?? '',
    inbox: {
      id: row.inbox.id,
      kind: row.inbox.kind,
      address: row.inbox.address,
      externalId: row.inbox.externalId,
      credentials: decryptJson<Record<string, string>>(
        row.inbox.credentialsEncrypted,
        deps.secretKey,
      ),
    },
    statusCallbackUrl: `${deps.publicUrl}/webhooks/twilio/${row.inbox.id}/status`,
    template: templateOf(row.message.metadata),
    media: await outboundMedia(deps, messageId),
    email: row.inbox.kind === 'email' ? outboundEmail(deps, row, text) : null,
    unknownOutcomeSince:
      typeof row.message.metadata.unknownOutcomeSince === 'string'
        ? new Date(row.message.metadata.unknownOutcomeSince)
        : null,
  };
}

function outboundEmail(
  deps: DomainDeps,
  row: {
    message: typeof m.$inferSelect;
    reference: string;
    authorName: string | null;
    inbox: typeof schema.inboxes.$inferSelect;
  },
  text: string,
): OutboundEmail {
  const { message } = row;
  const token = replyTokenFor(deps.secretKey, {
    id: message.conversationId,
    reference: row.reference,
  });
  return {
    messageId: message.emailMessageId ?? `${message.id}@switchboard.local`,
    subject: message.emailSubject ?? `[${row.reference}]`,
    inReplyTo: message.emailInReplyTo,
    references: message.emailReferences ?? [],
    replyTo: addressWithToken(row.inbox.address, token),
    fromName: row.authorName ? `${row.authorName} (${row.inbox.name})` : row.inbox.name,
    html: textToHtml(text),
    // Our auto-replies say so (RFC 3834), so the customer's mail robots do not answer them.
    ...(message.metadata.automatic === true ? { automatic: true } : {}),
  };
}

function templateOf(metadata: Record<string, unknown>): OutboundTemplate | null {
  const template = metadata.template as Partial<OutboundTemplate> | undefined;
  if (!template?.name || !template.language) return null;
  return {
    name: template.name,
    language: template.language,
    parameters: template.parameters ?? [],
    ...(template.externalId ? { externalId: template.externalId } : {}),
  };
}

async function outboundMedia(deps: DomainDeps, messageId: string): Promise<OutboundMedia[]> {
  const files = await deps.db
    .select({
      id: schema.attachments.id,
      fileName: schema.attachments.fileName,
      contentType: schema.attachments.contentType,
      data: schema.attachmentBlobs.data,
    })
    .from(schema.attachments)
    .innerJoin(
      schema.attachmentBlobs,
      eq(schema.attachmentBlobs.attachmentId, schema.attachments.id),
    )
    .where(eq(schema.attachments.messageId, messageId));
  return files.map((file) => ({
    url: publicAttachmentUrl(deps.publicUrl, deps.secretKey, file.id),
    contentType: file.contentType,
    fileName: file.fileName,
    data: file.data,
  }));
}

/** A retryable failure: let the next attempt claim it at once. */
export async function releaseOutboundClaim(
  deps: DomainDeps,
  messageId: string,
  options: { unknownOutcomeSince?: Date } = {},
): Promise<void> {
  // The first unknown attempt is kept: the provider's copy, if any, is at least that old.
  const unknown = options.unknownOutcomeSince
    ? sql`|| jsonb_build_object('unknownOutcomeSince', coalesce(${m.metadata}->>'unknownOutcomeSince', ${options.unknownOutcomeSince.toISOString()}))`
    : sql``;
  await deps.db
    .update(m)
    .set({ metadata: sql`(${m.metadata} - 'sendClaimedAt') ${unknown}` })
    .where(and(eq(m.id, messageId), eq(m.status, 'queued')));
}

/**
 * The provider accepted the message. Status callbacks that arrived before this moment were
 * stored and are applied here, so the agent sees the real status without waiting on a retry.
 */
export async function recordSendAccepted(
  deps: DomainDeps,
  delivery: OutboundDelivery,
  providerMessageId: string,
  normalize: Normalizer,
  /** 'delivered' when the send itself delivered it (web chat); never moves a status back. */
  accepted: 'sent' | 'delivered' = 'sent',
): Promise<void> {
  await deps.db
    .update(m)
    .set({
      providerMessageId,
      status: sql`case when ${rankOf(m.status)} < ${statusRank[accepted]} then ${accepted}::message_status else ${m.status} end`,
      updatedAt: sql`now()`,
    })
    .where(eq(m.id, delivery.messageId));
  await publishMessageUpdated(deps, delivery);
  await applyOvertakingStatuses(deps, delivery.inbox.id, providerMessageId, normalize);
}

/**
 * Applies callbacks that overtook the send. Each event row is locked while processed, so a
 * retry of the same callback running at this moment finds it done and changes nothing.
 */
async function applyOvertakingStatuses(
  deps: DomainDeps,
  inboxId: string,
  providerMessageId: string,
  normalize: Normalizer,
) {
  const waiting = await findPendingStatusEvents(deps.db, inboxId, providerMessageId);
  for (const job of waiting) {
    await processInboundEvent(deps, job.eventId, normalize).catch((error: unknown) => {
      // Its own job (or the sweeper) still applies it later.
      deps.log?.('status callback not applied yet', { eventId: job.eventId, error: String(error) });
    });
  }
}

/** The provider refused the message for good: the agent sees why. */
export async function recordSendFailed(
  deps: DomainDeps,
  delivery: Pick<OutboundDelivery, 'workspaceId' | 'conversationId' | 'messageId'>,
  error: { code: string; message: string },
): Promise<void> {
  await deps.db
    .update(m)
    .set({
      status: 'failed',
      errorCode: error.code,
      errorMessage: error.message,
      updatedAt: sql`now()`,
    })
    .where(and(eq(m.id, delivery.messageId), eq(m.status, 'queued')));
  await publishMessageUpdated(deps, delivery);
}

/** Queued replies whose job may have been lost (Redis flushed, enqueue failed after commit). */
export async function findStrandedOutbound(
  db: Database,
  olderThanSeconds: number,
  limit = 500,
): Promise<string[]> {
  const rows = await db
    .select({ id: m.id })
    .from(m)
    .where(
      and(
        eq(m.status, 'queued'),
        eq(m.direction, 'outbound'),
        sql`${m.createdAt} < now() - make_interval(secs => ${olderThanSeconds})`,
      ),
    )
    .limit(limit);
  return rows.map((row) => row.id);
}
