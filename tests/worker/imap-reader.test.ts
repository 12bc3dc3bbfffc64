import { randomBytes } from 'node:crypto';
import { schema } from '@switchboard/db';
import {
  startDovecot,
  startTestSystem,
  waitFor,
  type Dovecot,
  type TestSystem,
} from '@switchboard/stack/testing';
import { closeWorkerDeps, createWorkerDeps } from '@switchboard/worker';
import { startMailReaders, type MailReaders } from '@switchboard/worker/imap';
import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/** Every parse of a fetched message is counted: the tests see how often a mail was read. */
const parses = vi.hoisted(() => new Map<string, number>());
vi.mock('../../packages/channels/src/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../packages/channels/src/index.ts')>();
  return {
    ...original,
    parseEmail: async (...args: Parameters<typeof original.parseEmail>) => {
      const parsed = await original.parseEmail(...args);
      parses.set(parsed.messageId, (parses.get(parsed.messageId) ?? 0) + 1);
      return parsed;
    },
  };
});

const DAY_MS = 24 * 60 * 60 * 1000;
let system: TestSystem;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
});
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(() => system.stop());

async function dovecot(): Promise<Dovecot> {
  const server = await startDovecot();
  cleanups.push(() => server.stop());
  return server;
}

async function mailInbox(server: Dovecot, credentials: Record<string, string> = {}) {
  const workspace = await system.make.workspace();
  const inbox = await system.make.smsInbox(workspace.id, {
    kind: 'email',
    name: 'Support mail',
    address: 'support@example.test',
    externalId: null,
    credentials: {
      imapHost: server.host,
      imapPort: String(server.port),
      imapSecure: 'false',
      imapUser: server.user,
      imapPass: server.password,
      ...credentials,
    },
  });
  cleanups.push(() => system.db.db.delete(schema.inboxes).where(eq(schema.inboxes.id, inbox.id)));
  return inbox;
}

/** One worker's mail readers; short lease and retry times keep takeovers and reconnects quick. */
async function startWorker(log?: (line: string) => void) {
  const deps = createWorkerDeps(system.config);
  const readers = await startMailReaders(deps, {
    discoverEveryMs: 200,
    leaseMs: 3_000,
    retryFirstMs: 100,
    retryMaxMs: 1_000,
    log,
  });
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    await readers.close();
    await closeWorkerDeps(deps);
  };
  cleanups.push(stop);
  return { readers, deps, stop };
}

const isReading = (readers: MailReaders, inboxId: string) =>
  readers.status().some((s) => s.inboxId === inboxId && s.holdsLease && s.state === 'reading');

function waitUntilReading(readers: MailReaders, inboxId: string) {
  return waitFor(async () => isReading(readers, inboxId), {
    timeoutMs: 15_000,
    what: 'the reader to hold the lease and be up to date',
  });
}

function mail(subject: string) {
  const messageId = `${randomBytes(6).toString('hex')}@customer.test`;
  const raw = [
    'From: Customer <customer@customer.test>',
    'To: support@example.test',
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `About ${subject}.`,
    '',
  ].join('\r\n');
  return { messageId, raw };
}

async function storedIds(inboxId: string): Promise<string[]> {
  const rows = await system.db.db
    .select({ id: schema.inboundEvents.providerEventId })
    .from(schema.inboundEvents)
    .where(eq(schema.inboundEvents.inboxId, inboxId))
    .orderBy(asc(schema.inboundEvents.id));
  return rows.map((row) => row.id);
}

function waitForStored(inboxId: string, count: number, timeoutMs = 15_000) {
  return waitFor(
    async () => {
      const ids = await storedIds(inboxId);
      return ids.length >= count && ids;
    },
    { timeoutMs, what: `${count} stored mail events` },
  );
}

async function syncState(inboxId: string) {
  const [row] = await system.db.db
    .select()
    .from(schema.mailSyncState)
    .where(eq(schema.mailSyncState.inboxId, inboxId));
  return row;
}

describe('the IMAP reader', () => {
  it('stores new mail announced through IDLE within two seconds', async () => {
    const server = await dovecot();
    const inbox = await mailInbox(server);
    const { readers } = await startWorker();
    await waitUntilReading(readers, inbox.id);

    const sent = mail('my order never arrived');
    await server.deliver(sent.raw);
    const ids = await waitForStored(inbox.id, 1, 2_000);

    expect(ids).toEqual([sent.messageId]);
    const [event] = await system.db.db
      .select()
      .from(schema.inboundEvents)
      .where(eq(schema.inboundEvents.inboxId, inbox.id));
    expect(event).toMatchObject({ kind: 'message', workspaceId: inbox.workspaceId });
    expect(event!.payload.messageId).toBe(sent.messageId);
    await expect
      .poll(() => syncState(inbox.id))
      .toMatchObject({ lastUid: 1, backfillStatus: 'done' });
  });

  it('reads every mail that arrived while no reader ran, each exactly once', async () => {
    const server = await dovecot();
    const inbox = await mailInbox(server);
    const first = await startWorker();
    await waitUntilReading(first.readers, inbox.id);
    const before = mail('before the outage');
    await server.deliver(before.raw);
    await waitForStored(inbox.id, 1);
    await first.stop();

    const during = Array.from({ length: 30 }, (_, n) => mail(`sent during the outage ${n + 1}`));
    for (const sent of during) await server.deliver(sent.raw);
    const second = await startWorker();
    await waitUntilReading(second.readers, inbox.id);
    // Once this later mail is in, any second reading of the earlier ones would have happened.
    const after = mail('after the outage');
    await server.deliver(after.raw);
    const ids = await waitForStored(inbox.id, 32);

    expect(ids).toEqual([before, ...during, after].map((sent) => sent.messageId));
    for (const sent of [before, ...during, after]) expect(parses.get(sent.messageId)).toBe(1);
    await expect.poll(() => syncState(inbox.id)).toMatchObject({ lastUid: 32, lastError: null });
  });

  it('walks the mailbox again when UIDVALIDITY changes, storing nothing twice', async () => {
    const server = await dovecot();
    const inbox = await mailInbox(server);
    const { readers } = await startWorker();
    await waitUntilReading(readers, inbox.id);
    const earlier = [mail('first'), mail('second'), mail('third')];
    for (const sent of earlier) await server.deliver(sent.raw);
    const storedBefore = await waitForStored(inbox.id, 3);

    await server.renumberMailbox();
    const uidValidity = Number(await server.uidValidity());
    await waitFor(
      async () => {
        const state = await syncState(inbox.id);
        return state?.uidValidity === uidValidity && state.backfillStatus === 'done';
      },
      { timeoutMs: 15_000, what: 'the resync under the new UIDVALIDITY' },
    );
    const later = mail('after the renumbering');
    await server.deliver(later.raw);
    const ids = await waitForStored(inbox.id, 4);

    expect(ids).toEqual([...storedBefore, later.messageId]);
    // Read again under the new numbering, but stored once.
    for (const sent of earlier) expect(parses.get(sent.messageId)).toBe(2);
    await expect.poll(() => syncState(inbox.id)).toMatchObject({ uidValidity, lastUid: 4 });
  });

  it('backfills only the last backfillDays days, oldest first, and reports progress', async () => {
    const server = await dovecot();
    const old = Array.from({ length: 5 }, (_, n) => mail(`from last month ${n + 1}`));
    const recent = Array.from({ length: 3 }, (_, n) => mail(`from this week ${n + 1}`));
    for (const [n, sent] of old.entries())
      await server.deliver(sent.raw, { receivedAt: new Date(Date.now() - (40 - n) * DAY_MS) });
    for (const [n, sent] of recent.entries())
      await server.deliver(sent.raw, { receivedAt: new Date(Date.now() - (3 - n) * DAY_MS) });
    const inbox = await mailInbox(server, { backfillDays: '14' });

    const { readers } = await startWorker();
    await waitFor(async () => (await syncState(inbox.id))?.backfillStatus === 'done', {
      timeoutMs: 15_000,
      what: 'the backfill to finish',
    });
    expect(await storedIds(inbox.id)).toEqual(recent.map((sent) => sent.messageId));
    expect(await syncState(inbox.id)).toMatchObject({
      backfillTotal: 3,
      backfillDone: 3,
      lastUid: 8,
    });
    for (const sent of old) expect(parses.has(sent.messageId)).toBe(false);

    // After the backfill, new mail is read whatever date it carries.
    await waitUntilReading(readers, inbox.id);
    const lateDelivery = mail('an old mail moved into the inbox');
    await server.deliver(lateDelivery.raw, { receivedAt: new Date(Date.now() - 60 * DAY_MS) });
    expect(await waitForStored(inbox.id, 4)).toContain(lateDelivery.messageId);
  });

  it('lets exactly one of two workers read a mailbox, and the other take over', async () => {
    const server = await dovecot();
    const inbox = await mailInbox(server);
    const one = await startWorker();
    const two = await startWorker();
    const holder = await waitFor(
      async () => [one, two].find((worker) => isReading(worker.readers, inbox.id)),
      { timeoutMs: 15_000, what: 'one worker to read the mailbox' },
    );
    const other = holder === one ? two : one;
    expect(other.readers.status()).toEqual([
      expect.objectContaining({ inboxId: inbox.id, holdsLease: false, state: 'standby' }),
    ]);

    const first = mail('read by one worker only');
    await server.deliver(first.raw);
    await waitForStored(inbox.id, 1);

    await holder.stop();
    await waitUntilReading(other.readers, inbox.id);
    const second = mail('read after the takeover');
    await server.deliver(second.raw);
    expect(await waitForStored(inbox.id, 2)).toEqual([first.messageId, second.messageId]);
    expect(parses.get(first.messageId)).toBe(1);
    expect(parses.get(second.messageId)).toBe(1);
  });

  it('hands the mailbox to another worker when its reader can no longer renew the lease', async () => {
    const server = await dovecot();
    const inbox = await mailInbox(server);
    const cutOff = await startWorker();
    await waitUntilReading(cutOff.readers, inbox.id);
    const other = await startWorker();

    // Redis becomes unreachable for this worker only, as when its host loses the network.
    cutOff.deps.redis.disconnect();
    await waitUntilReading(other.readers, inbox.id);
    expect(cutOff.readers.status()).toEqual([
      expect.objectContaining({ inboxId: inbox.id, holdsLease: false }),
    ]);

    const sent = mail('read by the worker that took over');
    await server.deliver(sent.raw);
    expect(await waitForStored(inbox.id, 1)).toEqual([sent.messageId]);
    expect(parses.get(sent.messageId)).toBe(1);
  });

  it('shows a refused login to admins and never logs the password', async () => {
    const server = await dovecot();
    const password = `wrong-${randomBytes(6).toString('hex')}`;
    const inbox = await mailInbox(server, { imapPass: password });
    const lines: string[] = [];
    await startWorker((line) => lines.push(line));

    await expect
      .poll(async () => (await syncState(inbox.id))?.lastError, { timeout: 15_000 })
      .toMatch(/auth/i);
    expect(lines.some((line) => line.includes(inbox.id) && /auth/i.test(line))).toBe(true);
    expect(lines.join('\n')).not.toContain(password);
    expect(await storedIds(inbox.id)).toEqual([]);
  });
});
