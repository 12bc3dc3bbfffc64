import { randomBytes } from 'node:crypto';
import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

let system: TestSystem;

beforeAll(async () => {
  // No worker: nothing may assign, close or abandon the hand-built conversations under us.
  system = await startTestSystem({ worker: false });
});
afterAll(async () => {
  await system.stop();
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// India has no daylight saving time and a half-hour offset, so its midnight is never UTC's.
const TIME_ZONE = 'Asia/Kolkata';
const OFFSET_MS = (5 * 60 + 30) * MINUTE;

/** The instant the current day began in India. */
function kolkataMidnight(now: number): number {
  const local = now + OFFSET_MS;
  return local - (local % DAY) - OFFSET_MS;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (ms: number) => new Date(ms);
const iso = (ms: number) => new Date(ms).toISOString();

interface MonitorAgent {
  id: string;
  name: string;
  presence: string;
  onlineSince: string | null;
  presenceChangedAt: string;
  openCount: number;
  capacity: number;
  oldestUnansweredAt: string | null;
  closedToday: number;
  teamIds: string[];
}
interface Monitor {
  generatedAt: string;
  timeZone: string;
  agents: MonitorAgent[];
  teams: Array<{
    id: string;
    name: string;
    waitingCount: number;
    longestWaitSince: string | null;
    agentsOnline: number;
    agentsTotal: number;
  }>;
  unrouted: { waitingCount: number; longestWaitSince: string | null };
}

/** A conversation of its own customer (one live conversation per contact and inbox). */
async function conversation(
  workspaceId: string,
  inboxId: string,
  values: Omit<
    Parameters<TestSystem['make']['conversation']>[0],
    'workspaceId' | 'inboxId' | 'contactId' | 'reference'
  >,
) {
  const contact = await system.make.contact(workspaceId, {
    kind: 'phone',
    address: `+1500${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
  });
  return system.make.conversation({
    workspaceId,
    inboxId,
    contactId: contact.id,
    reference: `SB-${randomBytes(3).toString('hex').toUpperCase()}`,
    ...values,
  });
}

describe('agent monitor', () => {
  it('shows each agent and team as they are now, with today counted from local midnight', async () => {
    // Runs that straddle India's midnight would compare two different "todays".
    const untilNextMidnight = kolkataMidnight(Date.now()) + DAY - Date.now();
    if (untilNextMidnight < 15_000) await sleep(untilNextMidnight + 100);
    const now = Date.now();
    const midnight = kolkataMidnight(now);
    // Run just after India's midnight, "five minutes ago" is yesterday: closings today go in between.
    const earlierToday = (share: number) => midnight + Math.floor((now - midnight) * share);

    const workspace = await system.make.workspace({ settings: { timeZone: TIME_ZONE } });
    const sales = await system.make.team(workspace.id, { name: 'Sales' });
    const billing = await system.make.team(workspace.id, { name: 'Billing' });
    const inbox = await system.make.smsInbox(workspace.id, { defaultTeamId: sales.id });
    const ana = await system.make.user(workspace.id, {
      name: 'Ana',
      presence: 'online',
      presenceChangedAt: at(now - 95 * MINUTE),
      capacity: 4,
    });
    const bob = await system.make.user(workspace.id, {
      name: 'Bob',
      presence: 'away',
      presenceChangedAt: at(now - 12 * MINUTE),
      capacity: 3,
    });
    const carl = await system.make.user(workspace.id, {
      name: 'Carl',
      presence: 'online',
      deactivatedAt: at(now - DAY),
    });
    const supervisor = await system.make.user(workspace.id, {
      name: 'Sofia',
      role: 'supervisor',
      presence: 'offline',
      presenceChangedAt: at(now - 3 * DAY),
    });
    for (const user of [ana, bob, carl]) await system.make.member(workspace.id, sales.id, user.id);
    await system.make.member(workspace.id, billing.id, ana.id);

    // Ana holds three: the oldest unanswered customer message is 7 minutes old.
    const open = { status: 'open' as const, teamId: sales.id, assigneeId: ana.id };
    await conversation(workspace.id, inbox.id, {
      ...open,
      unansweredSince: at(now - 7 * MINUTE),
    });
    await conversation(workspace.id, inbox.id, {
      ...open,
      unansweredSince: at(now - 2 * MINUTE),
    });
    await conversation(workspace.id, inbox.id, { ...open, unansweredSince: null });

    // Closed today: two for Ana (one after she was unassigned), one for Bob. Not today: one.
    const closed = { status: 'closed' as const, outcome: 'resolved' as const, teamId: sales.id };
    await conversation(workspace.id, inbox.id, {
      ...closed,
      assigneeId: ana.id,
      closedAt: at(midnight + MINUTE),
    });
    await conversation(workspace.id, inbox.id, {
      ...closed,
      assigneeId: null,
      lastAssigneeId: ana.id,
      closedAt: at(earlierToday(0.5)),
    });
    await conversation(workspace.id, inbox.id, {
      ...closed,
      assigneeId: bob.id,
      lastAssigneeId: ana.id,
      closedAt: at(earlierToday(0.9)),
    });
    await conversation(workspace.id, inbox.id, {
      ...closed,
      assigneeId: ana.id,
      closedAt: at(midnight - MINUTE),
    });

    // Queues: Sales waits on two, nobody routed one, Billing is empty.
    await conversation(workspace.id, inbox.id, {
      teamId: sales.id,
      waitingSince: at(now - 10 * MINUTE),
    });
    await conversation(workspace.id, inbox.id, {
      teamId: sales.id,
      waitingSince: at(now - 3 * MINUTE),
    });
    await conversation(workspace.id, inbox.id, {
      teamId: null,
      waitingSince: at(now - 20 * MINUTE),
    });

    // Another workspace whose rows point at this one's people and team must change nothing.
    const elsewhere = await system.make.workspace({ settings: { timeZone: TIME_ZONE } });
    const theirInbox = await system.make.smsInbox(elsewhere.id);
    const stranger = await system.make.user(elsewhere.id, { name: 'Stranger' });
    await system.make.member(elsewhere.id, sales.id, stranger.id);
    await conversation(elsewhere.id, theirInbox.id, {
      ...open,
      unansweredSince: at(now - 60 * MINUTE),
    });
    await conversation(elsewhere.id, theirInbox.id, {
      ...closed,
      assigneeId: ana.id,
      closedAt: at(now - MINUTE),
    });
    await conversation(elsewhere.id, theirInbox.id, {
      teamId: sales.id,
      waitingSince: at(now - 90 * MINUTE),
    });
    await conversation(elsewhere.id, theirInbox.id, {
      teamId: null,
      waitingSince: at(now - 90 * MINUTE),
    });

    const client = await system.signIn(supervisor.email);
    const response = await client('/api/v1/supervisor/monitor');
    expect(response.status).toBe(200);
    const monitor = await json<Monitor>(response);

    expect(monitor.timeZone).toBe(TIME_ZONE);
    expect(Math.abs(Date.parse(monitor.generatedAt) - Date.now())).toBeLessThan(MINUTE);
    expect(monitor.agents.map((agent) => agent.name)).toEqual(['Ana', 'Bob', 'Sofia']);
    const [anaRow, bobRow, sofiaRow] = monitor.agents;
    expect(anaRow).toEqual({
      id: ana.id,
      name: 'Ana',
      email: ana.email,
      role: 'agent',
      presence: 'online',
      onlineSince: iso(now - 95 * MINUTE),
      presenceChangedAt: iso(now - 95 * MINUTE),
      openCount: 3,
      capacity: 4,
      oldestUnansweredAt: iso(now - 7 * MINUTE),
      closedToday: 2,
      teamIds: [sales.id, billing.id].sort(),
    });
    expect(bobRow).toMatchObject({
      id: bob.id,
      presence: 'away',
      onlineSince: null,
      presenceChangedAt: iso(now - 12 * MINUTE),
      openCount: 0,
      capacity: 3,
      oldestUnansweredAt: null,
      closedToday: 1,
      teamIds: [sales.id],
    });
    expect(sofiaRow).toMatchObject({
      id: supervisor.id,
      role: 'supervisor',
      presence: 'offline',
      onlineSince: null,
      openCount: 0,
      closedToday: 0,
      teamIds: [],
    });

    expect(monitor.teams).toEqual([
      {
        id: billing.id,
        name: 'Billing',
        waitingCount: 0,
        longestWaitSince: null,
        agentsOnline: 1,
        agentsTotal: 1,
      },
      {
        id: sales.id,
        name: 'Sales',
        waitingCount: 2,
        longestWaitSince: iso(now - 10 * MINUTE),
        // Carl is deactivated and the stranger belongs to another workspace.
        agentsOnline: 1,
        agentsTotal: 2,
      },
    ]);
    expect(monitor.unrouted).toEqual({
      waitingCount: 1,
      longestWaitSince: iso(now - 20 * MINUTE),
    });
  });

  it('counts today in UTC when the workspace has no time zone', async () => {
    const untilNextMidnight = DAY - (Date.now() % DAY);
    if (untilNextMidnight < 15_000) await sleep(untilNextMidnight + 100);
    const now = Date.now();
    const utcMidnight = now - (now % DAY);
    const workspace = await system.make.workspace();
    const inbox = await system.make.smsInbox(workspace.id);
    const admin = await system.make.user(workspace.id, { role: 'admin' });
    const closed = { status: 'closed' as const, outcome: 'resolved' as const };
    await conversation(workspace.id, inbox.id, {
      ...closed,
      assigneeId: admin.id,
      closedAt: at(utcMidnight + 1000),
    });
    await conversation(workspace.id, inbox.id, {
      ...closed,
      assigneeId: admin.id,
      closedAt: at(utcMidnight - 1000),
    });

    const monitor = await json<Monitor>(
      await (
        await system.signIn(admin.email)
      )('/api/v1/supervisor/monitor'),
    );
    expect(monitor.timeZone).toBe('UTC');
    expect(monitor.agents).toHaveLength(1);
    expect(monitor.agents[0]).toMatchObject({ id: admin.id, closedToday: 1 });
    expect(monitor.teams).toEqual([]);
    expect(monitor.unrouted).toEqual({ waitingCount: 0, longestWaitSince: null });
  });

  it('is for supervisors and admins only', async () => {
    const workspace = await system.make.workspace();
    const agent = await system.make.user(workspace.id);
    const response = await (await system.signIn(agent.email))('/api/v1/supervisor/monitor');
    expect(response.status).toBe(403);
    expect((await json(response)).error).toMatchObject({ code: 'forbidden' });

    const anonymous = await fetch(`${system.apiUrl}/api/v1/supervisor/monitor`);
    expect(anonymous.status).toBe(401);
  });

  it('is documented in the OpenAPI description', async () => {
    const spec = await json<{ paths: Record<string, { get?: unknown }> }>(
      await fetch(`${system.apiUrl}/api/v1/openapi.json`),
    );
    expect(spec.paths['/api/v1/supervisor/monitor']?.get).toBeDefined();
  });
});
