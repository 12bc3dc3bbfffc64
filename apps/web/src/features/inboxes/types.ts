import type { InboxKind } from '@/types/vocabulary';

export type { InboxKind };

export interface Inbox {
  id: string;
  kind: InboxKind;
  name: string;
  /** The number or address customers write to. */
  address: string;
  externalId: string | null;
}

/** How far an email inbox has read its mailbox (admins and supervisors). */
export interface MailSync {
  mode: 'imap' | 'forwarding';
  mailbox: string | null;
  backfill: { status: 'pending' | 'running' | 'done' | 'failed'; done: number; total: number };
  since: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
}
