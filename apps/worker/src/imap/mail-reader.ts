import type { WorkerDeps } from '../deps';
import { noteFailure } from './checkpoint';
import type { ImapSettings } from './imap-settings';
import { inboxLease } from './inbox-lease';
import { runMailboxSession } from './mailbox-session';

export type MailReaderState = 'standby' | 'connecting' | 'reading' | 'retrying' | 'stopped';

export interface MailReaderTimings {
  /** A dead worker's lease expires after this long; the holder renews every third of it. */
  leaseMs: number;
  /** First reconnect delay; doubles on each failure in a row, up to `retryMaxMs`. */
  retryFirstMs: number;
  retryMaxMs: number;
  maxIdleMs: number;
}

/** How many leases this worker may hold, so mailboxes spread over the workers. */
export interface LeaseSeats {
  take(): boolean;
  give(): void;
}

export interface MailReader {
  readonly inboxId: string;
  readonly state: MailReaderState;
  readonly holdsLease: boolean;
  /** Ends the session and hands the lease back so another worker picks the mailbox up. */
  yieldLease(): void;
  stop(): Promise<void>;
}

/**
 * Keeps one inbox's mailbox read while this worker holds its lease, and waits on standby
 * while another worker does. Any failure reconnects after a growing pause; the reasons are
 * logged and kept for admins, never with the password.
 */
export function startMailReader(options: {
  deps: WorkerDeps;
  inbox: { id: string; workspaceId: string };
  settings: ImapSettings;
  token: string;
  seats: LeaseSeats;
  timings: MailReaderTimings;
  log: (line: string) => void;
}): MailReader {
  const { deps, inbox, settings, timings } = options;
  const log = (line: string) => options.log(`imap ${inbox.id}: ${redact(line, settings.password)}`);
  const lease = inboxLease(deps.redis, {
    prefix: deps.config.QUEUE_PREFIX,
    inboxId: inbox.id,
    token: options.token,
    ttlMs: timings.leaseMs,
  });
  const stopping = new AbortController();
  let leased: AbortController | null = null;
  let state: MailReaderState = 'standby';
  let holdsLease = false;

  async function readWhileLeased(session: AbortController) {
    let lastRenewal = Date.now();
    const renewal = setInterval(() => {
      lease.renew().then(
        (kept) => {
          if (kept) lastRenewal = Date.now();
          else session.abort(new LeaseLost('lease taken over by another worker'));
        },
        () => {
          // Redis is unreachable. Stop while the lease surely still runs: once it expires
          // another worker may start reading, and two readers must never overlap for long.
          if (Date.now() - lastRenewal >= timings.leaseMs / 2)
            session.abort(new LeaseLost('lease could not be renewed'));
        },
      );
    }, timings.leaseMs / 3);
    let failures = 0;
    try {
      while (!session.signal.aborted) {
        state = 'connecting';
        try {
          await runMailboxSession({
            deps,
            inbox,
            settings,
            signal: session.signal,
            maxIdleMs: timings.maxIdleMs,
            log,
            onSynced: () => {
              state = 'reading';
              failures = 0;
            },
          });
        } catch (error) {
          if (session.signal.aborted) break;
          failures++;
          const reason = redact(reasonOf(error), settings.password);
          const delay = backoff(failures, timings);
          log(`${reason}; reconnecting in ${(delay / 1000).toFixed(1)} s`);
          state = 'retrying';
          await noteFailure(deps.database.db, inbox, settings.mailbox, reason).catch(() => {});
          await sleep(delay, session.signal);
        }
      }
    } finally {
      clearInterval(renewal);
      const reason: unknown = session.signal.reason;
      if (reason instanceof LeaseLost) log(`stopped reading: ${reason.message}`);
      // Safe even when lost: the release only deletes a key that still holds our token.
      await lease.release().catch(() => {});
    }
  }

  async function run() {
    while (!stopping.signal.aborted) {
      state = 'standby';
      if (options.seats.take()) {
        if (await lease.acquire().catch(() => false)) {
          holdsLease = true;
          leased = new AbortController();
          try {
            await readWhileLeased(leased);
          } finally {
            leased = null;
            holdsLease = false;
            options.seats.give();
          }
          continue;
        }
        options.seats.give();
      }
      // Jitter keeps workers that lost the same race from knocking in step.
      await sleep((timings.leaseMs / 3) * (0.75 + Math.random() / 2), stopping.signal);
    }
  }

  const running = run().finally(() => (state = 'stopped'));
  return {
    inboxId: inbox.id,
    get state() {
      return state;
    },
    get holdsLease() {
      return holdsLease;
    },
    yieldLease() {
      leased?.abort();
    },
    async stop() {
      stopping.abort();
      leased?.abort();
      await running;
    },
  };
}

class LeaseLost extends Error {}

function backoff(failures: number, timings: MailReaderTimings): number {
  const base = Math.min(timings.retryMaxMs, timings.retryFirstMs * 2 ** (failures - 1));
  return base * (0.8 + Math.random() * 0.4);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // imapflow puts the server's own words in responseText; they say more than "Command failed".
  const serverText = (error as { responseText?: unknown }).responseText;
  const code = (error as { code?: unknown }).code;
  return [
    error.message,
    typeof serverText === 'string' ? serverText : '',
    typeof code === 'string' ? `(${code})` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Servers and libraries sometimes echo what they were sent; a password never reaches a log. */
function redact(text: string, password: string): string {
  return password ? text.split(password).join('***') : text;
}
