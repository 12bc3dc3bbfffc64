import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, updatedAt } from './columns';
import { inboxes } from './inboxes';
import { workspaces } from './workspaces';

export const mailBackfillStatuses = ['pending', 'running', 'done', 'failed'] as const;
export type MailBackfillStatus = (typeof mailBackfillStatuses)[number];

/**
 * How far the IMAP reader of an email inbox got. A message is stored before `last_uid` moves
 * past it, so after an outage of any length reading resumes with the first message not stored.
 * UIDs only mean something within one UIDVALIDITY: when the server changes it, the mailbox is
 * walked again and Message-IDs keep the second pass from storing anything twice.
 */
export const mailSyncState = pgTable(
  'mail_sync_state',
  {
    inboxId: uuid('inbox_id')
      .primaryKey()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The folder read (INBOX unless the inbox names another); a new folder starts over. */
    mailbox: text('mailbox').notNull(),
    /** Null until the folder was first opened (a refused login leaves only `last_error`). */
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    /** Every message up to this UID is stored as an inbound event. */
    lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
    /** The first pass over existing mail, on first connect or after UIDVALIDITY changed. */
    backfillStatus: text('backfill_status', { enum: mailBackfillStatuses })
      .notNull()
      .default('pending'),
    /** Mail received before this is left alone; a resync keeps the first connect's date. */
    backfillSince: at('backfill_since'),
    /** The highest UID the pass covers; later mail is new mail, read whatever its date. */
    backfillUntilUid: bigint('backfill_until_uid', { mode: 'number' }).notNull().default(0),
    backfillTotal: integer('backfill_total').notNull().default(0),
    backfillDone: integer('backfill_done').notNull().default(0),
    /** Why the last session ended badly, without secrets; cleared by the next good sync. */
    lastError: text('last_error'),
    lastSyncedAt: at('last_synced_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'mail_sync_state_backfill_status',
      sql`${t.backfillStatus} in ('pending', 'running', 'done', 'failed')`,
    ),
  ],
);
