import { schema, type Database } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';

type MailSyncRow = typeof schema.mailSyncState.$inferSelect;
/** The sync state of a folder that was opened: its numbering and pass date are known. */
export type MailCheckpoint = MailSyncRow & { uidValidity: number; backfillSince: Date };

const DAY_MS = 24 * 60 * 60 * 1000;
const state = schema.mailSyncState;

/** What the server reports about the folder when the reader opens it. */
export interface OpenedMailbox {
  path: string;
  uidValidity: number;
  /** The UID of the newest message, 0 when the folder is empty. */
  highestUid: number;
}

/**
 * Where this session starts reading. The saved checkpoint when it still describes the folder;
 * otherwise a new pass over the mail already there: on first connect the last `backfillDays`
 * days, after a UIDVALIDITY change everything since the first connect's date again, since the
 * old UIDs no longer name the same messages.
 */
export async function startingPoint(
  db: Database,
  inbox: { id: string; workspaceId: string },
  mailbox: OpenedMailbox,
  backfillDays: number,
): Promise<MailCheckpoint> {
  const [saved] = await db.select().from(state).where(eq(state.inboxId, inbox.id));
  if (isCheckpointOf(saved, mailbox)) return saved;
  const firstSince = saved?.mailbox === mailbox.path ? saved.backfillSince : null;
  const resync = firstSince !== null;
  const since = firstSince ?? new Date(Date.now() - backfillDays * DAY_MS);
  // No days to go back: only mail that arrives from now on is read.
  const skipExisting = !resync && backfillDays === 0;
  const values = {
    mailbox: mailbox.path,
    uidValidity: mailbox.uidValidity,
    lastUid: skipExisting ? mailbox.highestUid : 0,
    backfillStatus:
      skipExisting || mailbox.highestUid === 0 ? ('done' as const) : ('pending' as const),
    backfillSince: since,
    backfillUntilUid: mailbox.highestUid,
    backfillTotal: 0,
    backfillDone: 0,
    lastError: null,
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(state)
    .values({ inboxId: inbox.id, workspaceId: inbox.workspaceId, ...values })
    .onConflictDoUpdate({ target: state.inboxId, set: values })
    .returning();
  if (!isCheckpointOf(row, mailbox)) throw new Error('mail sync state vanished while saving it');
  return row;
}

function isCheckpointOf(
  row: MailSyncRow | undefined,
  mailbox: OpenedMailbox,
): row is MailCheckpoint {
  return (
    row?.mailbox === mailbox.path &&
    row.uidValidity === mailbox.uidValidity &&
    row.backfillSince !== null
  );
}

/** The pass over existing mail starts or resumes with `remaining` messages still to read. */
export async function beginBackfill(db: Database, inboxId: string, remaining: number) {
  await db
    .update(state)
    .set({
      backfillStatus: 'running',
      backfillTotal: sql`${state.backfillDone} + ${remaining}`,
      updatedAt: new Date(),
    })
    .where(eq(state.inboxId, inboxId));
}

/** Every message up to `uid` is stored. Never moves back, even if two readers briefly overlap. */
export async function advance(
  db: Database,
  checkpoint: Pick<MailCheckpoint, 'inboxId' | 'uidValidity'>,
  uid: number,
  options: { backfill: boolean },
) {
  await db
    .update(state)
    .set({
      lastUid: sql`greatest(${state.lastUid}, ${uid})`,
      ...(options.backfill ? { backfillDone: sql`${state.backfillDone} + 1` } : {}),
      updatedAt: new Date(),
    })
    .where(
      and(eq(state.inboxId, checkpoint.inboxId), eq(state.uidValidity, checkpoint.uidValidity)),
    );
}

/** The pass is over: from here on every message above its last UID is new mail. */
export async function finishBackfill(
  db: Database,
  checkpoint: Pick<MailCheckpoint, 'inboxId' | 'uidValidity'>,
) {
  await db
    .update(state)
    .set({
      backfillStatus: 'done',
      lastUid: sql`greatest(${state.lastUid}, ${state.backfillUntilUid})`,
      backfillTotal: state.backfillDone,
      updatedAt: new Date(),
    })
    .where(
      and(eq(state.inboxId, checkpoint.inboxId), eq(state.uidValidity, checkpoint.uidValidity)),
    );
}

/** The mailbox is read up to date. */
export async function noteSynced(db: Database, inboxId: string) {
  await db
    .update(state)
    .set({ lastError: null, lastSyncedAt: new Date(), updatedAt: new Date() })
    .where(eq(state.inboxId, inboxId));
}

/**
 * Why reading stopped, for admins, also when the mailbox was never opened (a refused login);
 * an interrupted pass shows as failed until it resumes.
 */
export async function noteFailure(
  db: Database,
  inbox: { id: string; workspaceId: string },
  mailbox: string,
  reason: string,
) {
  const lastError = reason.slice(0, 500);
  await db
    .insert(state)
    .values({ inboxId: inbox.id, workspaceId: inbox.workspaceId, mailbox, lastError })
    .onConflictDoUpdate({
      target: state.inboxId,
      set: {
        lastError,
        backfillStatus: sql`case when ${state.backfillStatus} = 'running' then 'failed' else ${state.backfillStatus} end`,
        updatedAt: new Date(),
      },
    });
}
