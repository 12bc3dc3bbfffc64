import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, updatedAt } from './columns';
import { contacts } from './contacts';
import { conversations } from './conversations';
import {
  attachmentStorage,
  inboxKind,
  messageDirection,
  messageKind,
  messageStatus,
} from './enums';
import { inboxes } from './inboxes';
import { users } from './users';
import { workspaces } from './workspaces';

export interface MessageReaction {
  emoji: string;
  /** Who reacted: the customer (contact id) or an agent (user id). */
  by: { type: 'contact' | 'user'; id: string };
  /** Provider time of the reaction; an older one never replaces a newer one. */
  at: string;
}

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const messages = pgTable(
  'messages',
  {
    id: id(),
    /** Arrival order, the tie-break when two messages share a provider time. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    inboxId: uuid('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    /** Channel the message travelled on; a conversation may continue across channels. */
    channel: inboxKind('channel'),
    direction: messageDirection('direction').notNull(),
    kind: messageKind('kind').notNull().default('message'),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorContactId: uuid('author_contact_id').references(() => contacts.id, {
      onDelete: 'set null',
    }),
    text: text('text').notNull().default(''),
    html: text('html'),
    /** For activity lines: what happened, e.g. { type: 'accepted', by, to }. */
    activity: jsonb('activity').$type<Record<string, unknown>>(),
    providerMessageId: text('provider_message_id'),
    status: messageStatus('status').notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    emailMessageId: text('email_message_id'),
    emailInReplyTo: text('email_in_reply_to'),
    emailReferences: text('email_references').array(),
    emailSubject: text('email_subject'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    /** Emoji reactions to this message, at most one per person (WhatsApp's rule). */
    reactions: jsonb('reactions').$type<MessageReaction[]>().notNull().default([]),
    /** When the provider says it happened; messages are shown in this order. */
    occurredAt: at('occurred_at').notNull().defaultNow(),
    /**
     * On a person's reply after the first response: how long the customer had waited for it
     * (next reply time). Null for the first response, automatic messages and unprompted ones.
     */
    responseMs: bigint('response_ms', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // A provider retry can never store a message twice.
    uniqueIndex('messages_provider_id_key')
      .on(t.inboxId, t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    // Indicators: next replies sent in an hour.
    index('messages_response_idx')
      .on(t.workspaceId, t.createdAt)
      .where(sql`${t.responseMs} is not null`),
    index('messages_conversation_time_idx').on(t.conversationId, t.occurredAt, t.seq),
    index('messages_email_message_id_idx')
      .on(t.workspaceId, t.emailMessageId)
      .where(sql`${t.emailMessageId} is not null`),
    // Search, newest first: a common word finds its 20 latest matches walking back in time;
    // with the conversation, an agent's part of the latest messages is read from the index.
    index('messages_recent_idx').on(t.workspaceId, t.occurredAt, t.seq, t.conversationId),
    // Search stems Spanish and English words alike; both indexes serve one OR query.
    index('messages_search_es_idx').using('gin', sql`to_tsvector('spanish', ${t.text})`),
    index('messages_search_en_idx').using('gin', sql`to_tsvector('english', ${t.text})`),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    storage: attachmentStorage('storage').notNull().default('postgres'),
    /** Object key when stored in a bucket. */
    storageKey: text('storage_key'),
    /** Email: the part's Content-ID, so the HTML's `cid:` images find their file. */
    contentId: text('content_id'),
    /** Where the provider offered the file; downloaded by the worker into storage. */
    sourceUrl: text('source_url'),
    storedAt: at('stored_at'),
    /** Why the file could not be stored (too large, type not allowed, provider error). */
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);

/** File bytes for the default Postgres storage, apart from metadata so listings stay light. */
export const attachmentBlobs = pgTable('attachment_blobs', {
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => attachments.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});

export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('canned_responses_shortcut_key').on(t.workspaceId, sql`lower(${t.shortcut})`),
  ],
);
