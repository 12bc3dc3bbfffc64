import { randomBytes } from 'node:crypto';
import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openRealtime } from './realtime-client';
import { json } from './support';

const GRACE_MS = 300;
let system: TestSystem;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  system = await startTestSystem({ presenceGraceMs: GRACE_MS });
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await system.stop();
});

interface Agent {
  id: string;
  name: string;
  presence: string;
  presenceAuto: boolean;
  capacity: number;
  openCount: number;
  teamIds: string[];
}

async function agents(client: Awaited<ReturnType<TestSystem['signIn']>>) {
  const response = await client('/api/v1/agents');
  expect(response.status).toBe(200);
  return json<Agent[]>(response);
}

/** A websocket signed in as the user, resolved once the server said hello. */
async function connect(email: string) {
  const { socket, hints } = await openRealtime(system.apiUrl, email);
  sockets.push(socket);
  return { socket, hints };
}

async function closed(socket: WebSocket) {
  if (socket.readyState === WebSocket.CLOSED) return;
  await new Promise((resolve) => socket.once('close', resolve));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('presence', () => {
  it('is chosen by the agent and listed with open counts and teams', async () => {
    const workspace = await system.make.workspace();
    const team = await system.make.team(workspace.id);
    const ana = await system.make.user(workspace.id, {
      name: 'Ana',
      presence: 'offline',
      capacity: 3,
    });
    await system.make.member(workspace.id, team.id, ana.id);
    const inbox = await system.smsInbox(workspace.id, { defaultTeamId: team.id });
    const contact = await system.make.contact(workspace.id, {
      kind: 'phone',
      address: '+15005550100',
    });
    await system.make.conversation({
      workspaceId: workspace.id,
      inboxId: inbox.id,
      contactId: contact.id,
      teamId: team.id,
      reference: `SB-${randomBytes(3).toString('hex').toUpperCase()}`,
      status: 'open',
      assigneeId: ana.id,
    });
    const outsider = await system.make.user((await system.make.workspace()).id);
    const client = await system.signIn(ana.email);

    // Signing in does not make anyone available: the agent chooses.
    const before = (await agents(client)).find((agent) => agent.id === ana.id);
    expect(before).toMatchObject({
      presence: 'offline',
      capacity: 3,
      openCount: 1,
      teamIds: [team.id],
    });

    const set = await client('/api/v1/me/presence', {
      method: 'PUT',
      body: { presence: 'online' },
    });
    expect(set.status).toBe(200);
    expect(await json(set)).toEqual({ presence: 'online' });
    const listed = await agents(client);
    expect(listed.find((agent) => agent.id === ana.id)).toMatchObject({
      presence: 'online',
      presenceAuto: false,
    });
    expect((await json(await client('/api/v1/auth/me'))).user).toMatchObject({
      presence: 'online',
      presenceAuto: false,
    });
    expect(listed.some((agent) => agent.id === outsider.id)).toBe(false);

    const bad = await client('/api/v1/me/presence', { method: 'PUT', body: { presence: 'busy' } });
    expect(bad.status).toBe(400);
  });

  it('tells staff and the agent, and no other agent, when it changes', async () => {
    const workspace = await system.make.workspace();
    const ana = await system.make.user(workspace.id);
    const bob = await system.make.user(workspace.id);
    const supervisor = await system.make.user(workspace.id, { role: 'supervisor' });
    const anas = await connect(ana.email);
    const bobs = await connect(bob.email);
    const supervisors = await connect(supervisor.email);

    const client = await system.signIn(ana.email);
    await client('/api/v1/me/presence', { method: 'PUT', body: { presence: 'away' } });
    const heard = (hints: Array<{ type: string; userId?: string }>) =>
      hints.some((hint) => hint.type === 'agent.updated' && hint.userId === ana.id);
    await waitFor(async () => heard(supervisors.hints) && heard(anas.hints), {
      what: 'the presence hint',
    });
    await sleep(200);
    expect(heard(bobs.hints)).toBe(false);
  });

  it('turns away once every socket has been gone for the grace period, and back online with a new one', async () => {
    const workspace = await system.make.workspace();
    const ana = await system.make.user(workspace.id, { presence: 'online' });
    const supervisor = await system.make.user(workspace.id, { role: 'supervisor' });
    const staff = await system.signIn(supervisor.email);
    const anas = await system.signIn(ana.email);
    const presenceOf = async () =>
      (await agents(staff)).find((agent) => agent.id === ana.id)?.presence;
    const me = async () => (await json(await anas('/api/v1/auth/me'))).user;

    const first = await connect(ana.email);
    const second = await connect(ana.email);
    first.socket.close();
    await closed(first.socket);
    // One socket is still open: well past the grace period she stays online.
    await sleep(GRACE_MS * 4);
    expect(await presenceOf()).toBe('online');

    second.socket.close();
    await closed(second.socket);
    await waitFor(async () => (await presenceOf()) === 'away', { what: 'auto away' });
    // Both she and staff can tell it was automatic, not her choice.
    expect((await agents(staff)).find((agent) => agent.id === ana.id)?.presenceAuto).toBe(true);
    expect(await me()).toMatchObject({ presence: 'away', presenceAuto: true });

    await connect(ana.email);
    await waitFor(async () => (await presenceOf()) === 'online', { what: 'back online' });
    expect(await me()).toMatchObject({ presence: 'online', presenceAuto: false });
  });

  it('leaves a presence the agent chose alone', async () => {
    const workspace = await system.make.workspace();
    const ana = await system.make.user(workspace.id, { presence: 'online' });
    const client = await system.signIn(ana.email);
    await client('/api/v1/me/presence', { method: 'PUT', body: { presence: 'away' } });
    const { socket } = await connect(ana.email);
    await sleep(200);
    // Away by choice: a socket does not bring her online.
    expect((await agents(client)).find((agent) => agent.id === ana.id)?.presence).toBe('away');
    socket.close();
    await closed(socket);
    await client('/api/v1/me/presence', { method: 'PUT', body: { presence: 'offline' } });
    await sleep(GRACE_MS * 3);
    expect((await agents(client)).find((agent) => agent.id === ana.id)?.presence).toBe('offline');
  });
});
