import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { WorkerDeps } from '../deps';
import { findImapInboxes } from './find-imap-inboxes';
import { settingsFingerprint } from './imap-settings';
import {
  startMailReader,
  type MailReader,
  type MailReaderState,
  type MailReaderTimings,
} from './mail-reader';
import { workerRoster } from './worker-roster';

export interface MailReaderOptions {
  log?: (line: string) => void;
  /** How often inboxes are listed again, to start readers for new ones and stop removed ones. */
  discoverEveryMs?: number;
  /** Lease lifetime: how long a dead worker's mailboxes wait before another worker reads them. */
  leaseMs?: number;
  retryFirstMs?: number;
  retryMaxMs?: number;
  maxIdleMs?: number;
}

export interface MailReaderStatus {
  inboxId: string;
  state: MailReaderState;
  /** This worker is the one reading the mailbox. */
  holdsLease: boolean;
}

export interface MailReaders {
  status(): MailReaderStatus[];
  close(): Promise<void>;
}

const DEFAULTS = {
  discoverEveryMs: 30_000,
  leaseMs: 30_000,
  retryFirstMs: 1_000,
  retryMaxMs: 120_000,
  maxIdleMs: 4 * 60_000,
};

/**
 * Reads the mailbox of every IMAP email inbox, each by exactly one worker at a time. Every
 * worker runs this; leases in Redis decide who reads what, a worker takes no more than its
 * share so mailboxes spread out, and a dead worker's mailboxes move once its leases expire.
 */
export async function startMailReaders(
  deps: WorkerDeps,
  options: MailReaderOptions = {},
): Promise<MailReaders> {
  const log = options.log ?? (() => {});
  const discoverEveryMs = options.discoverEveryMs ?? DEFAULTS.discoverEveryMs;
  const timings: MailReaderTimings = {
    leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
    retryFirstMs: options.retryFirstMs ?? DEFAULTS.retryFirstMs,
    retryMaxMs: options.retryMaxMs ?? DEFAULTS.retryMaxMs,
    maxIdleMs: options.maxIdleMs ?? DEFAULTS.maxIdleMs,
  };
  const token = `${hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;
  const roster = workerRoster(deps.redis, {
    prefix: deps.config.QUEUE_PREFIX,
    token,
    // Outlives a few missed check-ins, so a slow round does not make this worker look gone.
    presenceMs: Math.max(timings.leaseMs, 3 * discoverEveryMs),
  });
  const readers = new Map<string, { reader: MailReader; fingerprint: string }>();
  let share = Infinity;
  let seatsTaken = 0;
  const seats = {
    take: () => (seatsTaken < share ? (seatsTaken++, true) : false),
    give: () => void seatsTaken--,
  };

  const discover = async () => {
    const found = await findImapInboxes(deps.database.db, deps.config.SECRET_KEY, (inboxId) =>
      log(`imap ${inboxId}: credentials do not decrypt with this SECRET_KEY; not reading`),
    );
    const workers = await roster.checkIn().catch(() => 1);
    share = Math.ceil(found.length / workers);
    const wanted = new Map(found.map((entry) => [entry.inbox.id, entry]));
    for (const [inboxId, running] of readers) {
      const entry = wanted.get(inboxId);
      if (entry && settingsFingerprint(entry.settings) === running.fingerprint) continue;
      readers.delete(inboxId);
      await running.reader.stop();
    }
    for (const entry of found) {
      if (readers.has(entry.inbox.id)) continue;
      const reader = startMailReader({ deps, ...entry, token, seats, timings, log });
      readers.set(entry.inbox.id, { reader, fingerprint: settingsFingerprint(entry.settings) });
    }
    // A worker that joined late owns nothing yet: hand back one mailbox per round until even.
    if (seatsTaken > share)
      [...readers.values()].find((r) => r.reader.holdsLease)?.reader.yieldLease();
  };

  // A slow round (a busy database) is not stacked on: the next tick finds it busy and skips.
  let round: Promise<void> | null = null;
  const runRound = () =>
    (round ??= discover()
      .catch((error: unknown) => log(`imap: listing inboxes failed: ${String(error)}`))
      .finally(() => (round = null)));
  await runRound();
  const timer = setInterval(() => void runRound(), discoverEveryMs);

  return {
    status: () =>
      [...readers.values()].map(({ reader }) => ({
        inboxId: reader.inboxId,
        state: reader.state,
        holdsLease: reader.holdsLease,
      })),
    async close() {
      clearInterval(timer);
      await round;
      await Promise.all([...readers.values()].map(({ reader }) => reader.stop()));
      readers.clear();
      await roster.leave().catch(() => {});
    },
  };
}
