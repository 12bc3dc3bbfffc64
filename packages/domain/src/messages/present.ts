import {
  schema,
  type Executor,
  type InboxKind,
  type MessageDirection,
  type MessageKind,
  type MessageStatus,
} from '@switchboard/db';
import { and, eq, inArray, sql } from 'drizzle-orm';

const m = schema.messages;

export const messageColumns = {
  id: m.id,
  seq: m.seq,
  conversationId: m.conversationId,
  direction: m.direction,
  kind: m.kind,
  text: m.text,
  status: m.status,
  errorCode: m.errorCode,
  errorMessage: m.errorMessage,
  channel: m.channel,
  authorUserId: m.authorUserId,
  authorUserName: schema.users.name,
  authorContactId: m.authorContactId,
  authorContactName: schema.contacts.name,
  activity: m.activity,
  metadata: m.metadata,
  reactions: m.reactions,
  emailSubject: m.emailSubject,
  html: m.html,
  inboxId: m.inboxId,
  occurredAt: m.occurredAt,
  // Full precision for cursors; a JS Date drops the microseconds.
  occurredKey: sql<string>`${m.occurredAt}::text`,
  createdAt: m.createdAt,
};

export function selectMessages(db: Executor) {
  return db
    .select(messageColumns)
    .from(m)
    .leftJoin(schema.users, eq(schema.users.id, m.authorUserId))
    .leftJoin(schema.contacts, eq(schema.contacts.id, m.authorContactId));
}

type MessageRow = Awaited<ReturnType<typeof selectMessages>>[number];

export interface MessageView {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  kind: MessageKind;
  text: string;
  status: MessageStatus;
  errorCode: string | null;
  errorMessage: string | null;
  channel: InboxKind | null;
  author: { type: 'user' | 'contact'; id: string; name: string | null } | null;
  activity: Record<string, unknown> | null;
  attachments: Array<{
    id: string;
    fileName: string;
    contentType: string;
    size: number;
    /** Email inline pictures: the Content-ID the HTML's `cid:` sources name. */
    contentId: string | null;
    url: string;
    /** pending while the worker downloads it from the provider; failed with `error` when refused. */
    state: 'pending' | 'ready' | 'failed';
    error: string | null;
  }>;
  /** Emoji reactions, one per person (an emptied reaction is not listed). */
  reactions: Array<{ emoji: string; author: { type: 'contact' | 'user'; name: string | null } }>;
  /** The message this one quotes (WhatsApp reply), when we have it. */
  replyTo: { id: string; text: string; direction: MessageDirection } | null;
  /** An outbound WhatsApp template; `text` holds it rendered. */
  template: { name: string; language: string; parameters: string[] } | null;
  /** A customer message of a type the channel could not show (poll, ephemeral…). */
  unsupported: { type: string } | null;
  /** Sent by Switchboard on its own (an auto-reply), not written by an agent. */
  automatic: boolean;
  /** Email: the subject, and the sanitized HTML of the new part and of the quoted history. */
  email: { subject: string | null; html: string | null; quoted: string | null } | null;
  occurredAt: string;
  createdAt: string;
}

export async function presentMessages(db: Executor, rows: MessageRow[]): Promise<MessageView[]> {
  const ids = rows.map((row) => row.id);
  const files = ids.length
    ? await db
        .select({
          id: schema.attachments.id,
          messageId: schema.attachments.messageId,
          fileName: schema.attachments.fileName,
          contentType: schema.attachments.contentType,
          size: schema.attachments.size,
          contentId: schema.attachments.contentId,
          storedAt: schema.attachments.storedAt,
          error: schema.attachments.error,
        })
        .from(schema.attachments)
        .where(inArray(schema.attachments.messageId, ids))
    : [];
  const names = await reactorNames(db, rows);
  const quotes = await quotedMessages(db, rows);
  return rows.map((row) => ({
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    kind: row.kind,
    text: row.text,
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    channel: row.channel,
    author: row.authorUserId
      ? { type: 'user', id: row.authorUserId, name: row.authorUserName }
      : row.authorContactId
        ? { type: 'contact', id: row.authorContactId, name: row.authorContactName }
        : null,
    activity: row.activity ?? null,
    attachments: files
      .filter((file) => file.messageId === row.id)
      .map(({ id, fileName, contentType, size, contentId, storedAt, error }) => ({
        id,
        fileName,
        contentType,
        size,
        contentId,
        url: `/api/v1/attachments/${id}`,
        state: error ? ('failed' as const) : storedAt ? ('ready' as const) : ('pending' as const),
        error,
      })),
    reactions: row.reactions
      .filter((reaction) => reaction.emoji)
      .map((reaction) => ({
        emoji: reaction.emoji,
        author: { type: reaction.by.type, name: names.get(reaction.by.id) ?? null },
      })),
    replyTo: quoted(row, quotes),
    template: templateOf(row.metadata),
    unsupported: unsupportedOf(row.metadata),
    automatic: row.metadata.automatic === true,
    email:
      row.channel === 'email' && row.kind === 'message'
        ? {
            subject: row.emailSubject,
            html: row.html,
            quoted: typeof row.metadata.quoted === 'string' ? row.metadata.quoted : null,
          }
        : null,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  }));
}

async function reactorNames(db: Executor, rows: MessageRow[]): Promise<Map<string, string | null>> {
  const contactIds = new Set<string>();
  const userIds = new Set<string>();
  for (const reaction of rows.flatMap((row) => row.reactions))
    (reaction.by.type === 'contact' ? contactIds : userIds).add(reaction.by.id);
  const names = new Map<string, string | null>();
  if (contactIds.size) {
    const contacts = await db
      .select({ id: schema.contacts.id, name: schema.contacts.name })
      .from(schema.contacts)
      .where(inArray(schema.contacts.id, [...contactIds]));
    for (const contact of contacts) names.set(contact.id, contact.name);
  }
  if (userIds.size) {
    const users = await db
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.users)
      .where(inArray(schema.users.id, [...userIds]));
    for (const user of users) names.set(user.id, user.name);
  }
  return names;
}

const replyToProviderId = (row: MessageRow) =>
  typeof row.metadata.replyToProviderId === 'string' ? row.metadata.replyToProviderId : null;

/** The quoted messages of a page, by (inbox, provider id), in one query. */
async function quotedMessages(db: Executor, rows: MessageRow[]) {
  const wanted = rows.flatMap((row) => {
    const providerId = replyToProviderId(row);
    return providerId ? [{ inboxId: row.inboxId, providerId }] : [];
  });
  if (!wanted.length) return [];
  return db
    .select({
      id: m.id,
      inboxId: m.inboxId,
      providerMessageId: m.providerMessageId,
      text: m.text,
      direction: m.direction,
    })
    .from(m)
    .where(
      and(
        inArray(m.inboxId, [...new Set(wanted.map((entry) => entry.inboxId))]),
        inArray(
          m.providerMessageId,
          wanted.map((entry) => entry.providerId),
        ),
      ),
    );
}

function quoted(
  row: MessageRow,
  quotes: Awaited<ReturnType<typeof quotedMessages>>,
): MessageView['replyTo'] {
  const providerId = replyToProviderId(row);
  const match = quotes.find(
    (quote) => quote.providerMessageId === providerId && quote.inboxId === row.inboxId,
  );
  return match ? { id: match.id, text: match.text, direction: match.direction } : null;
}

function templateOf(metadata: Record<string, unknown>): MessageView['template'] {
  const template = metadata.template as
    { name?: unknown; language?: unknown; parameters?: unknown } | undefined;
  if (!template || typeof template.name !== 'string') return null;
  return {
    name: template.name,
    language: typeof template.language === 'string' ? template.language : '',
    parameters: Array.isArray(template.parameters) ? template.parameters.map(String) : [],
  };
}

function unsupportedOf(metadata: Record<string, unknown>): MessageView['unsupported'] {
  const unsupported = metadata.unsupported as { type?: unknown } | undefined;
  return unsupported
    ? { type: typeof unsupported.type === 'string' ? unsupported.type : 'unknown' }
    : null;
}
