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
let support: { id: string; name: string };
let billing: { id: string; name: string };
let ana: { id: string; email: string; name: string };
let bruno: { id: string; email: string; name: string };
let carla: { id: string; email: string; name: string };
let supervisor: { id: string; email: string; name: string };
let clients: Record<'ana' | 'bruno' | 'carla' | 'supervisor', ApiClient>;
let phone = 1000;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  workspaceId = (await system.make.workspace()).id;
  support = await system.make.team(workspaceId, { name: 'Support' });
  billing = await system.make.team(workspaceId, { name: 'Billing' });
  ana = await system.make.user(workspaceId, { name: 'Ana Díaz' });
  bruno = await system.make.user(workspaceId, { name: 'Bruno' });
  carla = await system.make.user(workspaceId, { name: 'Carla Mendes', capacity: 1 });
  supervisor = await system.make.user(workspaceId, { name: 'Sofía', role: 'supervisor' });
  await system.make.member(workspaceId, support.id, ana.id);
  await system.make.member(workspaceId, support.id, bruno.id);
  await system.make.member(workspaceId, billing.id, carla.id);
  inboxId = (await system.make.smsInbox(workspaceId, { defaultTeamId: support.id })).id;
  clients = {
    ana: await system.signIn(ana.email),
    bruno: await system.signIn(bruno.email),
    carla: await system.signIn(carla.email),
    supervisor: await system.signIn(supervisor.email),
  };
});
const sockets: WebSocket[] = [];
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

/** A conversation of the Support team: waiting, or open and Ana's. */
async function conversation(
  state: 'waiting' | 'open' = 'open',
  contactName: string | null = 'Marta',
) {
  const contact = await system.make.contact(
    workspaceId,
    { kind: 'phone', address: `+1500555${phone++}` },
    { name: contactName },
  );
  return system.make.conversation({
    workspaceId,
    inboxId,
    contactId: contact.id,
    teamId: support.id,
    reference: `SB-C${phone}`,
    ...(state === 'open'
      ? { status: 'open', assigneeId: ana.id, waitingSince: null }
      : { status: 'waiting' }),
  });
}

const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);
const list = async (client: ApiClient, query: string) =>
  ids(await json(await client(`/api/v1/conversations?${query}`)));
const activity = async (client: ApiClient, id: string) =>
  (await json(await client(`/api/v1/conversations/${id}/messages`))).items
    .filter((item: { kind: string }) => item.kind === 'activity')
    .map((item: { activity: Record<string, unknown> }) => item.activity);
const notes = async (client: ApiClient, id: string) =>
  (await json(await client(`/api/v1/conversations/${id}/messages`))).items
    .filter((item: { kind: string }) => item.kind === 'note')
    .map((item: { text: string }) => item.text);

describe('transfer', () => {
  it('hands a conversation to an agent: theirs in Open, gone from the old Open, one escalation', async () => {
    const { id } = await conversation();
    const response = await clients.ana(`/api/v1/conversations/${id}/transfer`, {
      body: { toUserId: bruno.id, note: 'Bruno knows this customer' },
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'open',
      assignee: { id: bruno.id },
      escalationCount: 1,
      team: { id: support.id, name: 'Support' },
    });
    expect(await list(clients.bruno, 'tab=open')).toContain(id);
    expect(await list(clients.ana, 'tab=open')).not.toContain(id);
    expect((await clients.ana(`/api/v1/conversations/${id}`)).status).toBe(404);

    const lines = await activity(clients.bruno, id);
    expect(lines.at(-1)).toMatchObject({
      type: 'transferred',
      actorName: 'Ana Díaz',
      from: { id: ana.id, name: 'Ana Díaz' },
      to: { id: bruno.id, name: 'Bruno' },
      toTeam: null,
    });
    expect(await notes(clients.bruno, id)).toEqual(['Bruno knows this customer']);
  });

  it('sends a conversation to another team: waiting there, unassigned', async () => {
    const { id } = await conversation();
    const response = await clients.ana(`/api/v1/conversations/${id}/transfer`, {
      body: { toTeamId: billing.id },
    });
    expect(await json(response)).toMatchObject({
      status: 'waiting',
      assignee: null,
      team: { id: billing.id, name: 'Billing' },
      escalationCount: 1,
    });
    expect(await list(clients.carla, 'tab=waiting')).toContain(id);
    expect(await list(clients.ana, 'tab=open')).not.toContain(id);
    expect(await list(clients.ana, 'tab=waiting')).not.toContain(id);
    expect((await activity(clients.carla, id)).at(-1)).toMatchObject({
      type: 'transferred',
      to: null,
      toTeam: { id: billing.id, name: 'Billing' },
    });
  });

  it('refuses an agent at capacity with 409 at_capacity, and anyone but the holder with 403', async () => {
    const full = await conversation();
    await system.db.sql`update conversations set assignee_id = ${carla.id} where id = ${full.id}`;
    const { id } = await conversation();
    const refused = await clients.ana(`/api/v1/conversations/${id}/transfer`, {
      body: { toUserId: carla.id },
    });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.code).toBe('at_capacity');

    const waiting = await conversation('waiting');
    const notHolder = await clients.bruno(`/api/v1/conversations/${waiting.id}/transfer`, {
      body: { toTeamId: billing.id },
    });
    expect(notHolder.status).toBe(403);
  });
});

describe('invitations and mentions', () => {
  it('lets an invited colleague see it in Open, write a note and reply; notifies them', async () => {
    const { id } = await conversation();
    const invite = await clients.ana(`/api/v1/conversations/${id}/invite`, {
      body: { userId: carla.id },
    });
    expect(invite.status).toBe(200);
    expect(await list(clients.carla, 'tab=open')).toContain(id);
    const note = await clients.carla(`/api/v1/conversations/${id}/messages`, {
      body: { text: 'Looking', private: true },
    });
    expect(note.status).toBe(201);
    const reply = await clients.carla(`/api/v1/conversations/${id}/messages`, {
      body: { text: 'Hola, soy Carla' },
    });
    expect(reply.status).toBe(201);

    const inbox = await json(await clients.carla('/api/v1/notifications'));
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'invite',
      conversationId: id,
      actorName: 'Ana Díaz',
      readAt: null,
    });
    expect((await activity(clients.ana, id)).at(-1)).toMatchObject({
      type: 'invited',
      user: { id: carla.id, name: 'Carla Mendes' },
    });
    // Bruno was not invited: Ana's open conversation stays out of his reach.
    expect((await clients.bruno(`/api/v1/conversations/${id}`)).status).toBe(404);

    // Closed, it stays in Carla's Closed tab; reopened, it is Ana's alone again.
    await clients.ana(`/api/v1/conversations/${id}/close`, { body: { outcome: 'resolved' } });
    expect(await list(clients.carla, 'tab=closed')).toContain(id);
    await clients.ana(`/api/v1/conversations/${id}/reopen`, { method: 'POST' });
    expect(await list(clients.carla, 'tab=open')).not.toContain(id);
  });

  it('notifies the users a note mentions by name or email, not its author', async () => {
    const { id } = await conversation();
    await clients.ana('/api/v1/notifications/read', { body: {} });
    const before = (await json(await clients.bruno('/api/v1/notifications'))).unread;
    const [brunoHints, carlaHints, sofiaHints] = [
      await listen(bruno.email),
      await listen(carla.email),
      await listen(supervisor.email),
    ];
    const response = await clients.ana(`/api/v1/conversations/${id}/messages`, {
      body: {
        text: `@bruno can you check? cc @${supervisor.email} and me @Ana Díaz; not @Brunonian`,
        private: true,
      },
    });
    expect(response.status).toBe(201);
    const message = await json(response);

    const brunoInbox = await json(await clients.bruno('/api/v1/notifications'));
    expect(brunoInbox.unread).toBe(before + 1);
    expect(brunoInbox.items[0]).toMatchObject({
      kind: 'mention',
      conversationId: id,
      messageId: message.id,
      actorName: 'Ana Díaz',
      text: expect.stringContaining('can you check'),
    });
    const sofia = await json(await clients.supervisor('/api/v1/notifications'));
    expect(sofia.items.map((item: { messageId: string }) => item.messageId)).toContain(message.id);
    const own = await json(await clients.ana('/api/v1/notifications'));
    expect(own.unread).toBe(0);

    const heard = (hints: typeof brunoHints, userId: string) =>
      hints.some((hint) => hint.type === 'notification.created' && hint.userId === userId);
    await waitFor(async () => heard(brunoHints, bruno.id) && heard(sofiaHints, supervisor.id), {
      what: 'the notification hints of Bruno and Sofía',
    }).catch((error) => {
      throw new Error(`${error}: ${JSON.stringify({ brunoHints, sofiaHints, carlaHints })}`);
    });
    // Only the mentioned user hears it; a supervisor hears every conversation, not others' mentions.
    const heardByCarla = carlaHints.filter((hint) => hint.type === 'notification.created');
    const heardBySofia = sofiaHints.filter((hint) => hint.type === 'notification.created');
    expect(heardByCarla).toEqual([]);
    expect(heardBySofia.length).toBe(1);
    expect(heardBySofia.every((hint) => hint.userId === supervisor.id)).toBe(true);

    expect(
      (
        await clients.bruno('/api/v1/notifications/read', {
          body: { ids: [brunoInbox.items[0].id] },
        })
      ).status,
    ).toBe(204);
    expect((await json(await clients.bruno('/api/v1/notifications'))).unread).toBe(before);
  });
});

describe('hold, unread and hide', () => {
  it('puts a conversation on hold: back to Waiting in its team, unassigned', async () => {
    const { id } = await conversation();
    const response = await clients.ana(`/api/v1/conversations/${id}/hold`, { method: 'POST' });
    expect(await json(response)).toMatchObject({
      status: 'waiting',
      assignee: null,
      team: { id: support.id },
    });
    expect(await list(clients.bruno, 'tab=waiting')).toContain(id);
    expect((await activity(clients.bruno, id)).at(-1)).toMatchObject({ type: 'held' });
  });

  it('marks a conversation unread again', async () => {
    const { id } = await conversation();
    await clients.ana(`/api/v1/conversations/${id}/read`, { method: 'POST' });
    expect(
      (await clients.ana(`/api/v1/conversations/${id}/unread`, { method: 'POST' })).status,
    ).toBe(204);
    const detail = await json(await clients.ana(`/api/v1/conversations/${id}`));
    expect(detail.unreadCount).toBeGreaterThanOrEqual(1);
  });

  it('hides a conversation from my lists and counts only, and shows it again', async () => {
    const { id } = await conversation('waiting');
    const counts = await json(await clients.ana('/api/v1/conversations/counts'));
    expect((await clients.ana(`/api/v1/conversations/${id}/hide`, { method: 'POST' })).status).toBe(
      204,
    );
    expect(await list(clients.ana, 'tab=waiting&limit=100')).not.toContain(id);
    expect((await json(await clients.ana('/api/v1/conversations/counts'))).waiting).toBe(
      counts.waiting - 1,
    );
    expect(await list(clients.bruno, 'tab=waiting&limit=100')).toContain(id);
    // Hidden, not gone: it still opens by id.
    expect((await clients.ana(`/api/v1/conversations/${id}`)).status).toBe(200);
    await clients.ana(`/api/v1/conversations/${id}/hide`, { method: 'DELETE' });
    expect(await list(clients.ana, 'tab=waiting&limit=100')).toContain(id);
  });
});

describe('per-caller flags, the hidden view and unread counts', () => {
  const detail = async (client: ApiClient, id: string) =>
    json(await client(`/api/v1/conversations/${id}`));
  const hiddenView = (client: ApiClient) => list(client, 'view=hidden&limit=100');

  it('tells each caller whether they were invited and whether they hid it', async () => {
    const { id } = await conversation();
    expect(await detail(clients.ana, id)).toMatchObject({ invited: false, hidden: false });
    await clients.ana(`/api/v1/conversations/${id}/invite`, { body: { userId: carla.id } });

    expect(await detail(clients.carla, id)).toMatchObject({ invited: true, hidden: false });
    const carlasOpen = await json(await clients.carla('/api/v1/conversations?tab=open&limit=100'));
    expect(carlasOpen.items.find((item: { id: string }) => item.id === id)).toMatchObject({
      invited: true,
      hidden: false,
    });
    // The holder was not invited: the flag is the caller's, not the conversation's.
    expect((await detail(clients.ana, id)).invited).toBe(false);
    expect((await detail(clients.supervisor, id)).invited).toBe(false);

    await clients.carla(`/api/v1/conversations/${id}/hide`, { method: 'POST' });
    expect(await detail(clients.carla, id)).toMatchObject({ invited: true, hidden: true });
    expect((await detail(clients.ana, id)).hidden).toBe(false);
  });

  it('lists what I hid with view=hidden, in any tab, until I show it again', async () => {
    const open = await conversation();
    const waiting = await conversation('waiting');
    await clients.ana(`/api/v1/conversations/${open.id}/hide`, { method: 'POST' });
    await clients.ana(`/api/v1/conversations/${waiting.id}/hide`, { method: 'POST' });

    const page = await json(await clients.ana('/api/v1/conversations?view=hidden&limit=100'));
    expect(page.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([open.id, waiting.id]),
    );
    expect(page.items.every((item: { hidden: boolean }) => item.hidden)).toBe(true);
    // Only mine: Bruno hid nothing, and the tab does not narrow the view.
    expect(await hiddenView(clients.bruno)).not.toContain(waiting.id);
    expect(await list(clients.ana, 'view=hidden&tab=closed&limit=100')).toContain(open.id);

    expect(
      (await clients.ana(`/api/v1/conversations/${open.id}/hide`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect(await hiddenView(clients.ana)).not.toContain(open.id);
    expect(await list(clients.ana, 'tab=open&limit=100')).toContain(open.id);
    expect(await hiddenView(clients.ana)).toContain(waiting.id);
  });

  it('leaves out of view=hidden what I may no longer see; staff see theirs', async () => {
    const { id } = await conversation('waiting');
    await clients.bruno(`/api/v1/conversations/${id}/hide`, { method: 'POST' });
    await clients.supervisor(`/api/v1/conversations/${id}/hide`, { method: 'POST' });
    expect(await hiddenView(clients.bruno)).toContain(id);

    // Sent to Billing, it leaves Bruno's (Support) reach, hidden or not.
    await clients.supervisor(`/api/v1/conversations/${id}/transfer`, {
      body: { toTeamId: billing.id },
    });
    expect(await hiddenView(clients.bruno)).not.toContain(id);
    expect(await hiddenView(clients.supervisor)).toContain(id);
    expect(await hiddenView(clients.carla)).not.toContain(id);
  });

  it('counts per tab the conversations with unread messages, without those I hid', async () => {
    const counts = async (client: ApiClient) => json(await client('/api/v1/conversations/counts'));
    const make = async (status: 'waiting' | 'open', unreadCount: number) => {
      const contact = await system.make.contact(workspaceId, {
        kind: 'phone',
        address: `+1500555${phone++}`,
      });
      return system.make.conversation({
        workspaceId,
        inboxId,
        contactId: contact.id,
        teamId: support.id,
        reference: `SB-U${phone}`,
        unreadCount,
        ...(status === 'open' ? { status, assigneeId: ana.id, waitingSince: null } : { status }),
      });
    };
    const anaBefore = await counts(clients.ana);
    const brunoBefore = await counts(clients.bruno);
    expect(anaBefore.unread).toEqual({
      waiting: expect.any(Number),
      open: expect.any(Number),
      closed: expect.any(Number),
    });

    const unreadOpen = await make('open', 2);
    await make('open', 0);
    await make('waiting', 1);

    const anaAfter = await counts(clients.ana);
    expect(anaAfter.open).toBe(anaBefore.open + 2);
    expect(anaAfter.unread).toEqual({
      waiting: anaBefore.unread.waiting + 1,
      open: anaBefore.unread.open + 1,
      closed: anaBefore.unread.closed,
    });
    // Bruno shares the Support queue, not Ana's open conversations.
    expect((await counts(clients.bruno)).unread).toEqual({
      ...brunoBefore.unread,
      waiting: brunoBefore.unread.waiting + 1,
    });

    await clients.ana(`/api/v1/conversations/${unreadOpen.id}/hide`, { method: 'POST' });
    expect((await counts(clients.ana)).unread.open).toBe(anaBefore.unread.open);
    await clients.ana(`/api/v1/conversations/${unreadOpen.id}/hide`, { method: 'DELETE' });
    await clients.ana(`/api/v1/conversations/${unreadOpen.id}/read`, { method: 'POST' });
    expect((await counts(clients.ana)).unread.open).toBe(anaBefore.unread.open);
  });
});

describe('tags', () => {
  it('creates tags, tags a conversation, filters by tag and logs what changed', async () => {
    const vip = await json(
      await clients.ana('/api/v1/tags', { body: { name: 'VIP', color: 'red' } }),
    );
    const refund = await json(await clients.ana('/api/v1/tags', { body: { name: 'Refund' } }));
    const dup = await clients.bruno('/api/v1/tags', { body: { name: 'vip' } });
    expect(dup.status).toBe(409);
    expect((await json(dup)).error.code).toBe('tag_exists');

    const tagged = await conversation();
    const other = await conversation();
    const first = await clients.ana(`/api/v1/conversations/${tagged.id}/tags`, {
      method: 'PUT',
      body: { tagIds: [vip.id, refund.id] },
    });
    expect((await json(first)).tags.map((tag: { name: string }) => tag.name)).toEqual([
      'Refund',
      'VIP',
    ]);
    await clients.ana(`/api/v1/conversations/${tagged.id}/tags`, {
      method: 'PUT',
      body: { tagIds: [vip.id] },
    });
    const lines = (await activity(clients.ana, tagged.id)).filter(
      (line: { type: string }) => line.type === 'tagged',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      added: [],
      removed: [{ id: refund.id, name: 'Refund' }],
    });

    const filtered = await list(clients.ana, `tab=open&tagId=${vip.id}`);
    expect(filtered).toContain(tagged.id);
    expect(filtered).not.toContain(other.id);
    expect(await list(clients.ana, `tab=open&teamId=${billing.id}`)).toEqual([]);
    expect(await list(clients.ana, `tab=open&inboxId=${inboxId}`)).toContain(other.id);

    const unknown = await clients.ana(`/api/v1/conversations/${tagged.id}/tags`, {
      method: 'PUT',
      body: { tagIds: [support.id] },
    });
    expect(unknown.status).toBe(422);

    // Only staff rename or delete tags.
    expect(
      (await clients.ana(`/api/v1/tags/${vip.id}`, { method: 'PATCH', body: { name: 'V' } }))
        .status,
    ).toBe(403);
    const renamed = await clients.supervisor(`/api/v1/tags/${vip.id}`, {
      method: 'PATCH',
      body: { name: 'Gold', color: 'yellow' },
    });
    expect(await json(renamed)).toMatchObject({ name: 'Gold', color: 'yellow' });
    expect(
      (await clients.supervisor(`/api/v1/tags/${refund.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    const tags = await json<Array<{ name: string }>>(await clients.ana('/api/v1/tags'));
    expect(tags.map((tag) => tag.name)).toEqual(['Gold']);
  });
});

describe('canned responses', () => {
  it('lets staff manage them and fills in the variables for a conversation', async () => {
    const body = {
      shortcut: 'hello',
      title: 'Greeting',
      body: 'Hi {{contact.name}}, I am {{agent.name}}. Your case is {{reference}}.',
    };
    expect((await clients.ana('/api/v1/canned-responses', { body })).status).toBe(403);
    const created = await clients.supervisor('/api/v1/canned-responses', { body });
    expect(created.status).toBe(201);
    const duplicate = await clients.supervisor('/api/v1/canned-responses', {
      body: { ...body, shortcut: 'HELLO'.toLowerCase() },
    });
    expect(duplicate.status).toBe(409);
    expect((await json(duplicate)).error.code).toBe('shortcut_exists');
    const bad = await clients.supervisor('/api/v1/canned-responses', {
      body: { ...body, shortcut: 'Not valid!' },
    });
    expect(bad.status).toBe(422);

    const named = await conversation('open', 'Marta');
    const rendered = await json(
      await clients.ana(`/api/v1/conversations/${named.id}/canned-responses`),
    );
    expect(rendered[0]).toMatchObject({
      shortcut: 'hello',
      text: `Hi Marta, I am Ana Díaz. Your case is ${named.reference}.`,
    });
    const anonymous = await conversation('open', null);
    const neutral = await json(
      await clients.ana(`/api/v1/conversations/${anonymous.id}/canned-responses`),
    );
    expect(neutral[0].text).toBe(`Hi there, I am Ana Díaz. Your case is ${anonymous.reference}.`);

    const { id } = await json(created);
    const patched = await clients.supervisor(`/api/v1/canned-responses/${id}`, {
      method: 'PATCH',
      body: { title: 'Hello' },
    });
    expect(await json(patched)).toMatchObject({ title: 'Hello', shortcut: 'hello' });
    expect(await json(await clients.ana('/api/v1/canned-responses'))).toHaveLength(1);
    expect(
      (await clients.supervisor(`/api/v1/canned-responses/${id}`, { method: 'DELETE' })).status,
    ).toBe(204);
  });
});
