import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from '../api/fixtures';

const WORKER_PROCESSES = 4;
const workerDir = join(fileURLToPath(new URL('.', import.meta.url)), '../../apps/worker');

let system: TestSystem;
const workers: ChildProcess[] = [];

/** One worker as production runs it: its own OS process, same database, same Redis prefix. */
async function startWorkerProcess(index: number): Promise<ChildProcess> {
  const env = Object.fromEntries(
    Object.entries(system.config).map(([key, value]) => [key, String(value)]),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    // Four processes and the test's own api share one Postgres with other test files.
    env: { ...process.env, ...env, DATABASE_POOL_MAX: '6' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker ${index} exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('[worker] ready')) resolve();
      else if (line.includes('failed')) console.error(`[worker ${index}] ${line}`);
    });
    createInterface({ input: child.stderr }).on('line', (line) =>
      console.error(`[worker ${index}] ${line}`),
    );
  });
  await ready;
  return child;
}

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  for (let index = 0; index < WORKER_PROCESSES; index++)
    workers.push(await startWorkerProcess(index));
}, 120_000);

afterAll(async () => {
  await Promise.all(
    workers.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await system.stop();
}, 60_000);

type Mode = 'round_robin' | 'least_busy';

/** A workspace whose one SMS inbox feeds an automatic team of agents. */
async function automaticTeam(
  mode: Mode,
  agents: Array<{
    capacity: number;
    presence?: 'online' | 'away' | 'offline';
    deactivated?: boolean;
    load?: number;
  }>,
) {
  const workspace = await system.make.workspace();
  const team = await system.make.team(workspace.id, { assignmentMode: mode });
  const inbox = await system.smsInbox(workspace.id, { defaultTeamId: team.id });
  const made = [];
  for (const [index, spec] of agents.entries()) {
    const user = await system.make.user(workspace.id, {
      name: `Agent ${index}`,
      capacity: spec.capacity,
      presence: spec.presence ?? 'online',
      deactivatedAt: spec.deactivated ? new Date() : null,
    });
    await system.make.member(workspace.id, team.id, user.id);
    for (let n = 0; n < (spec.load ?? 0); n++) {
      const contact = await system.make.contact(workspace.id, { kind: 'phone', address: phone() });
      await system.make.conversation({
        workspaceId: workspace.id,
        inboxId: inbox.id,
        contactId: contact.id,
        teamId: team.id,
        reference: `SB-${randomBytes(4).toString('hex').toUpperCase()}`,
        status: 'open',
        assigneeId: user.id,
        waitingSince: null,
      });
    }
    made.push({ ...spec, id: user.id, email: user.email });
  }
  return { workspace, team, inbox, agents: made };
}

let phones = 0;
const phone = () => `+1500${String(1_000_000 + ++phones).padStart(7, '0')}`;

/** Each text from a new number opens one conversation; `parallel` of them are in flight at once. */
async function textsFromNewCustomers(
  inbox: { id: string; address: string },
  count: number,
  parallel: number,
) {
  const numbers = Array.from({ length: count }, phone);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < numbers.length) {
        const from = numbers[next++]!;
        const response = await system.postTwilio(
          `/webhooks/twilio/${inbox.id}`,
          incomingSms({
            accountSid: system.twilioAccount.accountSid,
            from,
            to: inbox.address,
            body: 'Hello, I need help',
          }),
          system.twilioAccount.authToken,
        );
        expect(response.status).toBe(200);
      }
    }),
  );
  return numbers;
}

async function loads(workspaceId: string) {
  const rows = await system.db.sql`
    select u.id, u.presence, u.capacity, u.deactivated_at, u.last_assigned_at,
      (select count(*)::int from conversations c
        where c.workspace_id = u.workspace_id and c.assignee_id = u.id and c.status = 'open') as open
    from users u where u.workspace_id = ${workspaceId}`;
  return rows as unknown as Array<{
    id: string;
    presence: string;
    capacity: number;
    deactivated_at: Date | null;
    last_assigned_at: Date | string | null;
    open: number;
  }>;
}

async function statusCounts(workspaceId: string) {
  const rows = await system.db.sql`
    select status, count(*)::int as n from conversations where workspace_id = ${workspaceId} group by status`;
  const counts: Record<string, number> = { waiting: 0, open: 0, closed: 0 };
  for (const row of rows) counts[row.status as string] = row.n as number;
  return counts;
}

describe('automatic assignment with several worker processes', () => {
  it('never pushes an agent past capacity: 1,000 concurrent conversations, 10 agents of 5', async () => {
    const scene = await automaticTeam(
      'least_busy',
      Array.from({ length: 10 }, () => ({ capacity: 5 })),
    );
    // Watch the whole time, not only at the end: an overshoot corrected later is still a bug.
    let maxSeen = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const [row] = await system.db.sql`
            select coalesce(max(n), 0)::int as max from (
              select count(*) as n from conversations
              where workspace_id = ${scene.workspace.id} and status = 'open' group by assignee_id) per_agent`;
        maxSeen = Math.max(maxSeen, (row?.max as number) ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await textsFromNewCustomers(scene.inbox, 1000, 40);
    await waitFor(
      async () => {
        const counts = await statusCounts(scene.workspace.id);
        return counts.open! + counts.waiting! === 1000 && counts.open === 50;
      },
      { what: '1,000 conversations, 50 of them assigned', timeoutMs: 150_000, intervalMs: 250 },
    );
    // Let any run still in flight finish: nothing may move past capacity afterwards either.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    watching = false;
    await watcher;

    expect(await statusCounts(scene.workspace.id)).toEqual({ waiting: 950, open: 50, closed: 0 });
    expect(maxSeen).toBeLessThanOrEqual(5);
    expect((await loads(scene.workspace.id)).map((agent) => agent.open)).toEqual(
      Array.from({ length: 10 }, () => 5),
    );

    // An agent who closes one gets the next in line, and is full again.
    const agent = scene.agents[0]!;
    const client = await system.signIn(agent.email);
    const [mine] = await system.db.sql`
      select id from conversations where assignee_id = ${agent.id} and status = 'open' limit 1`;
    const closed = await client(`/api/v1/conversations/${mine?.id as string}/close`, {
      body: { outcome: 'resolved' },
    });
    expect(closed.status).toBe(200);
    await waitFor(
      async () => (await loads(scene.workspace.id)).find((a) => a.id === agent.id)?.open === 5,
      { what: 'the freed slot filled', timeoutMs: 30_000 },
    );
    expect(await statusCounts(scene.workspace.id)).toEqual({ waiting: 949, open: 50, closed: 1 });
  }, 200_000);

  it('round robin spreads conversations evenly: 95 over 10 agents gives each 9 or 10', async () => {
    const scene = await automaticTeam(
      'round_robin',
      Array.from({ length: 10 }, () => ({ capacity: 20 })),
    );
    await textsFromNewCustomers(scene.inbox, 95, 20);
    await waitFor(async () => (await statusCounts(scene.workspace.id)).open === 95, {
      what: '95 conversations assigned',
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    const open = (await loads(scene.workspace.id)).map((agent) => agent.open).sort();
    expect(open.every((n) => n === 9 || n === 10)).toBe(true);
    expect(open.reduce((a, b) => a + b, 0)).toBe(95);
  }, 90_000);

  it('least busy always picks a least loaded agent who is online and has room', async () => {
    const scene = await automaticTeam('least_busy', [
      { capacity: 10, load: 0 },
      { capacity: 10, load: 3 },
      { capacity: 10, load: 1 },
      { capacity: 10, load: 2 },
      { capacity: 2, load: 2 }, // full
      { capacity: 10, presence: 'away' },
      { capacity: 10, presence: 'offline' },
      { capacity: 10, deactivated: true },
    ]);
    const neverPicked = new Set(scene.agents.slice(4).map((agent) => agent.id));
    for (let turn = 0; turn < 10; turn++) {
      const before = await loads(scene.workspace.id);
      const eligible = before.filter(
        (agent) =>
          agent.presence === 'online' && !agent.deactivated_at && agent.open < agent.capacity,
      );
      const least = Math.min(...eligible.map((agent) => agent.open));
      const [from] = await textsFromNewCustomers(scene.inbox, 1, 1);
      const picked = await waitFor(
        async () => {
          const [row] = await system.db.sql`
              select c.assignee_id from conversations c
              join contact_identities i on i.contact_id = c.contact_id
              where c.workspace_id = ${scene.workspace.id} and i.address = ${from!} and c.status = 'open'`;
          return row?.assignee_id as string | undefined;
        },
        { what: `conversation ${turn} assigned`, timeoutMs: 30_000 },
      );
      expect(neverPicked.has(picked)).toBe(false);
      const pickedBefore = before.find((agent) => agent.id === picked)!;
      expect(pickedBefore.open).toBe(least);
      // Ties go to whoever has been idle longest (never assigned counts as longest).
      const idle = (agent: (typeof before)[number]) =>
        agent.last_assigned_at ? new Date(agent.last_assigned_at).getTime() : 0;
      const tied = eligible.filter((agent) => agent.open === least);
      expect(idle(pickedBefore)).toBe(Math.min(...tied.map(idle)));
    }
    const after = await loads(scene.workspace.id);
    for (const id of neverPicked) {
      const spec = scene.agents.find((agent) => agent.id === id)!;
      expect(after.find((agent) => agent.id === id)?.open).toBe(spec.load ?? 0);
    }
  }, 90_000);

  it('hands out the queue when an agent comes online', async () => {
    const scene = await automaticTeam('round_robin', [{ capacity: 3, presence: 'away' }]);
    await textsFromNewCustomers(scene.inbox, 4, 4);
    await waitFor(async () => (await statusCounts(scene.workspace.id)).waiting === 4, {
      what: 'four waiting conversations',
      timeoutMs: 30_000,
    });
    const client = await system.signIn(scene.agents[0]!.email);
    const online = await client('/api/v1/me/presence', {
      method: 'PUT',
      body: { presence: 'online' },
    });
    expect(online.status).toBe(200);
    await waitFor(async () => (await statusCounts(scene.workspace.id)).open === 3, {
      what: 'three assigned',
      timeoutMs: 30_000,
    });
    expect(await statusCounts(scene.workspace.id)).toEqual({ waiting: 1, open: 3, closed: 0 });
  }, 60_000);

  it('the sweeper assigns a waiting conversation whose request was lost', async () => {
    const scene = await automaticTeam('least_busy', [{ capacity: 2 }]);
    // Written straight to the database: no job was ever asked for it.
    const contact = await system.make.contact(scene.workspace.id, {
      kind: 'phone',
      address: phone(),
    });
    await system.make.conversation({
      workspaceId: scene.workspace.id,
      inboxId: scene.inbox.id,
      contactId: contact.id,
      teamId: scene.team.id,
      reference: `SB-${randomBytes(4).toString('hex').toUpperCase()}`,
    });
    await waitFor(async () => (await statusCounts(scene.workspace.id)).open === 1, {
      what: 'the sweeper to assign it',
      timeoutMs: 40_000,
      intervalMs: 500,
    });
  }, 60_000);
});
