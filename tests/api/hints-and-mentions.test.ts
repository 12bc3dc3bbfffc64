import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openRealtime } from './realtime-client';
import { json } from './support';

let system: TestSystem;
let workspaceId: string;
let inboxId: string;
let support: { id: string };
let billing: { id: string };
type Person = { id: string; email: string; name: string };
let ana: Person;
let bruno: Person;
let carla: Person;
let admin: Person;
let clients: Record<'ana' | 'bruno' | 'carla' | 'admin', ApiClient>;
let phone = 2000;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  workspaceId = (await system.make.workspace()).id;
  support = await system.make.team(workspaceId, { name: 'Support' });
  billing = await system.make.team(workspaceId, { name: 'Billing' });
  ana = await system.make.user(workspaceId, { name: 'Ana Díaz' });
  bruno = await system.make.user(workspaceId, { name: 'Bruno' });
  carla = await system.make.user(workspaceId, { name: 'Carla Mendes' });
  admin = await system.make.user(workspaceId, { name: 'Sofía', role: 'admin' });
  await system.make.member(workspaceId, support.id, ana.id);
  await system.make.member(workspaceId, support.id, bruno.id);
  await system.make.member(workspaceId, billing.id, carla.id);
  inboxId = (await system.make.smsInbox(workspaceId, { defaultTeamId: support.id })).id;
  clients = {
    ana: await system.signIn(ana.email),
    bruno: await system.signIn(bruno.email),
    carla: await system.signIn(carla.email),
    admin: await system.signIn(admin.email),
  };
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await system.stop();
});

/** A signed-in user's websocket, collecting every hint it receives. */
async function listen(email: string) {
  const { socket, hints } = await openRealtime(system.apiUrl, email);
  sockets.push(socket);
  return hints;
}

const heard = (hints: Array<{ type: string; conversationId?: string }>, type: string, id: string) =>
  waitFor(async () => hints.some((hint) => hint.type === type && hint.conversationId === id), {
    what: `${type} about ${id}`,
  });

/** A Support conversation: waiting, or open and held by someone. */
async function conversation(holder: Person | null = ana) {
  const contact = await system.make.contact(workspaceId, {
    kind: 'phone',
    address: `+1500666${phone++}`,
  });
  return system.make.conversation({
    workspaceId,
    inboxId,
    contactId: contact.id,
    teamId: support.id,
    reference: `SB-H${phone}`,
    ...(holder
      ? { status: 'open', assigneeId: holder.id, waitingSince: null }
      : { status: 'waiting' }),
  });
}

const lines = async (client: ApiClient, id: string): Promise<Array<Record<string, unknown>>> =>
  (await json(await client(`/api/v1/conversations/${id}/messages`))).items
    .filter((item: { kind: string }) => item.kind === 'activity')
    .map((item: { activity: Record<string, unknown> }) => item.activity);
const list = async (client: ApiClient, query: string) =>
  (await json(await client(`/api/v1/conversations?${query}`))).items.map(
    (item: { id: string }) => item.id,
  );
const notificationsOf = async (client: ApiClient, conversationId: string) =>
  (await json(await client('/api/v1/notifications'))).items.filter(
    (item: { conversationId: string }) => item.conversationId === conversationId,
  );

describe('realtime audiences', () => {
  it('reaches a guest of another team with the hints of the conversation they were invited to', async () => {
    const { id } = await conversation();
    const carlaHints = await listen(carla.email);
    await clients.ana(`/api/v1/conversations/${id}/invite`, { body: { userId: carla.id } });
    await heard(carlaHints, 'conversation.updated', id);
    await clients.ana(`/api/v1/conversations/${id}/messages`, {
      body: { text: 'Carla, look at this', private: true },
    });
    await heard(carlaHints, 'message.created', id);
  });

  it('reaches the previous holder after a transfer, a hold or an assignment elsewhere', async () => {
    // Carla holds Support conversations without being in Support: only being their holder
    // (or having been) makes her hear them.
    const carlaHints = await listen(carla.email);
    const transferred = await conversation(carla);
    const response = await clients.carla(`/api/v1/conversations/${transferred.id}/transfer`, {
      body: { toUserId: bruno.id },
    });
    expect(response.status).toBe(200);
    await heard(carlaHints, 'conversation.updated', transferred.id);

    const held = await conversation(carla);
    expect(
      (await clients.carla(`/api/v1/conversations/${held.id}/hold`, { method: 'POST' })).status,
    ).toBe(200);
    await heard(carlaHints, 'conversation.updated', held.id);

    const reassigned = await conversation(carla);
    expect(
      (
        await clients.admin(`/api/v1/conversations/${reassigned.id}/assign`, {
          body: { userId: ana.id },
        })
      ).status,
    ).toBe(200);
    await heard(carlaHints, 'conversation.updated', reassigned.id);
  });

  it("follows an agent's team membership after it changes, without reconnecting", async () => {
    const dora = await system.make.user(workspaceId, { name: 'Dora' });
    const doraHints = await listen(dora.email);
    const members = await clients.admin(`/api/v1/teams/${support.id}/members`, {
      method: 'PUT',
      body: { userIds: [ana.id, bruno.id, dora.id] },
    });
    expect(members.status).toBe(200);
    const { id } = await conversation();
    await clients.ana(`/api/v1/conversations/${id}/hold`, { method: 'POST' });
    await heard(doraHints, 'conversation.updated', id);
  });
});

describe('mentions of colleagues who cannot see the conversation', () => {
  it('invite them to an open one, so the notification leads somewhere they may look', async () => {
    const { id } = await conversation();
    expect((await clients.carla(`/api/v1/conversations/${id}`)).status).toBe(404);
    const note = await clients.ana(`/api/v1/conversations/${id}/messages`, {
      body: { text: '@Carla Mendes can billing refund this?', private: true },
    });
    expect(note.status).toBe(201);

    expect(await list(clients.carla, 'tab=open')).toContain(id);
    const detail = await json(await clients.carla(`/api/v1/conversations/${id}`));
    expect(detail).toMatchObject({ id, invited: true });
    expect(await notificationsOf(clients.carla, id)).toMatchObject([
      { kind: 'mention', text: '@Carla Mendes can billing refund this?' },
    ]);
    expect((await lines(clients.ana, id)).at(-1)).toMatchObject({
      type: 'invited',
      user: { id: carla.id, name: 'Carla Mendes' },
      actorId: ana.id,
    });
  });

  it('do not notify someone a waiting conversation of another team stays hidden from', async () => {
    const { id } = await conversation(null);
    const note = await clients.ana(`/api/v1/conversations/${id}/messages`, {
      body: { text: '@Carla Mendes private details here', private: true },
    });
    expect(note.status).toBe(201);
    expect(await notificationsOf(clients.carla, id)).toEqual([]);
    expect((await clients.carla(`/api/v1/conversations/${id}`)).status).toBe(404);
  });
});

describe('inviting and joining again', () => {
  it('changes nothing: one activity line, one notification', async () => {
    const { id } = await conversation();
    for (let i = 0; i < 2; i++) {
      const response = await clients.ana(`/api/v1/conversations/${id}/invite`, {
        body: { userId: carla.id },
      });
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ id, status: 'open' });
    }
    const invited = (await lines(clients.ana, id)).filter((line) => line.type === 'invited');
    expect(invited).toHaveLength(1);
    expect(await notificationsOf(clients.carla, id)).toHaveLength(1);

    const help = await conversation();
    await clients.ana(`/api/v1/conversations/${help.id}/help`, { body: {} });
    for (let i = 0; i < 2; i++) {
      const joined = await clients.bruno(`/api/v1/conversations/${help.id}/join`, {
        method: 'POST',
      });
      expect(joined.status).toBe(200);
    }
    const joins = (await lines(clients.ana, help.id)).filter((line) => line.type === 'joined');
    expect(joins).toHaveLength(1);
  });
});

describe('template variables', () => {
  it('leave names that are not variables as written, even those every object inherits', async () => {
    const created = await clients.admin('/api/v1/canned-responses', {
      body: {
        shortcut: 'proto',
        title: 'Proto',
        body: 'Hi {{contact.name}} {{constructor}} {{toString}} {{__proto__}}',
      },
    });
    expect(created.status).toBe(201);
    const contact = await system.make.contact(
      workspaceId,
      { kind: 'phone', address: `+1500666${phone++}` },
      { name: 'Marta' },
    );
    const open = await system.make.conversation({
      workspaceId,
      inboxId,
      contactId: contact.id,
      teamId: support.id,
      reference: `SB-H${phone}`,
      status: 'open',
      assigneeId: ana.id,
      waitingSince: null,
    });
    const rendered = await json(
      await clients.ana(`/api/v1/conversations/${open.id}/canned-responses`),
    );
    expect(rendered.find((item: { shortcut: string }) => item.shortcut === 'proto').text).toBe(
      'Hi Marta {{constructor}} {{toString}} {{__proto__}}',
    );
  });
});
