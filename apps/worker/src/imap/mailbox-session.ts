import { ImapFlow } from 'imapflow';
import type { WorkerDeps } from '../deps';
import { noteSynced, startingPoint } from './checkpoint';
import type { ImapSettings } from './imap-settings';
import { catchUp } from './sync-mailbox';

export interface SessionOptions {
  deps: WorkerDeps;
  inbox: { id: string; workspaceId: string };
  settings: ImapSettings;
  /** Aborting ends the session: the reader stops or lost its lease. */
  signal: AbortSignal;
  /** The mailbox was read up to date; called after every catch-up. */
  onSynced: () => void;
  /** How long to rest in IDLE before looking again anyway (servers drop IDLE after ~30 min). */
  maxIdleMs: number;
  log: (line: string) => void;
}

/**
 * One connection to the mailbox: open the folder read-only (reading never marks mail seen),
 * catch up from the checkpoint, then IDLE and catch up again on every new message. Returns
 * only when aborted; throws when the connection or anything behind it fails.
 */
export async function runMailboxSession(options: SessionOptions): Promise<void> {
  const { deps, inbox, settings, signal } = options;
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
  });
  const newMail = new Wakeup();
  let failure: Error | null = null;
  client.on('exists', () => newMail.ring());
  client.on('error', (error: Error) => {
    failure = error;
    newMail.ring();
  });
  client.on('close', () => newMail.ring());
  const abort = () => client.close();
  signal.addEventListener('abort', abort, { once: true });
  try {
    await client.connect();
    const opened = await client.mailboxOpen(settings.mailbox, { readOnly: true });
    const highestUid = opened.exists ? await newestUid(client) : 0;
    const uidValidity = Number(opened.uidValidity);
    let checkpoint = await startingPoint(
      deps.database.db,
      inbox,
      { path: opened.path, uidValidity, highestUid },
      settings.backfillDays,
    );
    const context = {
      deps,
      client,
      target: {
        inboxId: inbox.id,
        workspaceId: inbox.workspaceId,
        maxAttachmentBytes: settings.maxAttachmentBytes,
      },
      log: options.log,
    };
    while (!signal.aborted) {
      // Mail that lands while we read rings again and is read on the next turn.
      newMail.clear();
      checkpoint = await catchUp(context, checkpoint);
      await noteSynced(deps.database.db, inbox.id);
      options.onSynced();
      await idleUntilNewMail(client, newMail, options.maxIdleMs);
      if (signal.aborted) break;
      if (failure || !client.usable)
        throw failure ?? new Error('the IMAP server closed the connection');
      // UIDs of the old numbering mean nothing now; a new session starts the resync.
      if (client.mailbox && Number(client.mailbox.uidValidity) !== uidValidity)
        throw new Error('UIDVALIDITY changed while the mailbox was open');
    }
  } finally {
    signal.removeEventListener('abort', abort);
    if (client.usable) await client.logout().catch(() => client.close());
    else client.close();
  }
}

async function newestUid(client: ImapFlow): Promise<number> {
  const newest = await client.fetchOne('*', { uid: true });
  return newest ? newest.uid : 0;
}

/** IDLE until the server announces mail or the connection changes; the next command ends IDLE. */
async function idleUntilNewMail(client: ImapFlow, newMail: Wakeup, maxIdleMs: number) {
  if (newMail.rung) return;
  void client.idle().catch(() => {
    // The connection ended; the 'close' or 'error' event already woke us.
  });
  await newMail.wait(maxIdleMs);
}

/** A latch the connection's events set and the session waits on, with a time limit. */
class Wakeup {
  rung = false;
  private wake: (() => void) | null = null;

  ring() {
    this.rung = true;
    this.wake?.();
  }

  clear() {
    this.rung = false;
  }

  wait(ms: number): Promise<void> {
    if (this.rung) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      this.wake = done;
    });
  }
}
