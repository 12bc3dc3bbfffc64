import { randomBytes } from 'node:crypto';
import { newVisitorId, signVisitorToken } from '@switchboard/domain';
import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openRealtime, type Hint } from './realtime-client';
import { json } from './support';

const ABANDON_AFTER_SECONDS = 2;
let system: TestSystem;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await system.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A workspace with a web chat inbox served by a team with one agent, and a supervisor. */
async function webchatScenario() {
  const workspace = await system.make.workspace();
  const team = await system.make.team(workspace.id, { name: 'Support' });
  const agent = await system.make.user(workspace.id, { name: 'Ana Agent' });
  await system.make.member(workspace.id, team.id, agent.id);
  const boss = await system.make.user(workspace.id, { name: 'Sam Boss', role: 'supervisor' });
  const inbox = await system.make.smsInbox(workspace.id, {
    kind: 'webchat',
    name: 'Web chat',
    address: `shop-${randomBytes(3).toString('hex')}`,
    defaultTeamId: team.id,
    settings: { webchat: { abandonAfterSeconds: ABANDON_AFTER_SECONDS } },
  });
  return {
    workspaceId: workspace.id,
    teamId: team.id,
    inboxId: inbox.id,
    agent,
    supervisor: boss,
    client: signedIn(agent.email),
    boss: signedIn(boss.email),
  };
}

/** Signs in on first use: the login endpoint takes 20 attempts a minute from one address. */
function signedIn(email: string): ApiClient {
  let client: Promise<ApiClient> | undefined;
  return async (path, init) => (await (client ??= system.signIn(email)))(path, init);
}
type Scenario = Awaited<ReturnType<typeof webchatScenario>>;

/** A visitor (contact with a web identity), their token and a waiting conversation. */
async function visitorWaiting(scenario: Scenario) {
  const visitorId = newVisitorId();
  const contact = await system.make.contact(scenario.workspaceId, {
    kind: 'web',
    address: visitorId,
  });
  const conversation = await system.make.conversation({
    workspaceId: scenario.workspaceId,
    inboxId: scenario.inboxId,
    contactId: contact.id,
    teamId: scenario.teamId,
    reference: `SB-${randomBytes(3).toString('hex').toUpperCase()}`,
    status: 'waiting',
  });
  const token = signVisitorToken(system.config.SECRET_KEY, {
    inboxId: scenario.inboxId,
    visitorId,
  });
  return { visitorId, token, conversationId: conversation.id };
}

/** Opens the widget's socket; resolves with its hints once hello arrived, or with the close. */
async function openVisitor(token: string) {
  const url = `${system.apiUrl.replace('http', 'ws')}/api/v1/webchat/socket?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  sockets.push(socket);
  const hints: Hint[] = [];
  let closeCode: number | null = null;
  socket.on('message', (data: Buffer) => hints.push(JSON.parse(data.toString()) as Hint));
  socket.on('close', (code) => (closeCode = code));
  await waitFor(async () => hints.some((hint) => hint.type === 'hello') || closeCode !== null, {
    what: 'hello or close',
  });
  return { socket, hints, closeCode: () => closeCode };
}

async function closeSocket(socket: WebSocket) {
  if (socket.readyState === WebSocket.CLOSED) return;
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.close();
  await closed;
}

async function conversation(scenario: Scenario, id: string) {
  const response = await scenario.boss(`/api/v1/conversations/${id}`);
  expect(response.status).toBe(200);
  return json<{ status: string; outcome: string | null }>(response);
}

async function accept(scenario: Scenario, id: string) {
  const response = await scenario.client(`/api/v1/conversations/${id}/accept`, { method: 'POST' });
  expect(response.status).toBe(200);
}

describe('web chat visitor socket', () => {
  it('refuses a forged token or one for another inbox', async () => {
    const scenario = await webchatScenario();
    const visitor = await visitorWaiting(scenario);
    const forged = await openVisitor(`${visitor.token.slice(0, -2)}xx`);
    expect(forged.closeCode()).toBe(4401);
    expect(forged.hints).toEqual([]);
    const garbage = await openVisitor('nope');
    expect(garbage.closeCode()).toBe(4401);
    // Correctly signed, but for an SMS inbox: only web chat inboxes have visitors.
    const sms = await system.make.smsInbox(scenario.workspaceId);
    const elsewhere = signVisitorToken(system.config.SECRET_KEY, {
      inboxId: sms.id,
      visitorId: visitor.visitorId,
    });
    expect((await openVisitor(elsewhere)).closeCode()).toBe(4401);
  });

  it('hints only about the visitor’s own conversation, never notes or activity', async () => {
    const scenario = await webchatScenario();
    const mine = await visitorWaiting(scenario);
    const theirs = await visitorWaiting(scenario);
    const me = await openVisitor(mine.token);
    const other = await openVisitor(theirs.token);
    expect(me.hints).toEqual([{ type: 'hello' }]);

    await accept(scenario, mine.conversationId);
    const note = await scenario.client(`/api/v1/conversations/${mine.conversationId}/messages`, {
      body: { text: 'Internal: check the order', private: true },
    });
    expect(note.status).toBe(201);
    const reply = await scenario.client(`/api/v1/conversations/${mine.conversationId}/messages`, {
      body: { text: 'Hi! How can I help?' },
    });
    expect(reply.status).toBe(201);

    await waitFor(async () => me.hints.some((hint) => hint.type === 'message.created'), {
      what: 'the reply hint',
    });
    // Hints arrive in order: the note's and the accept activity line's would have come first.
    const created = me.hints.filter((hint) => hint.type === 'message.created');
    expect(created).toEqual([{ type: 'message.created', conversationId: mine.conversationId }]);
    expect(me.hints).toContainEqual({
      type: 'conversation.updated',
      conversationId: mine.conversationId,
    });
    expect(
      me.hints.every(
        (hint) => hint.type === 'hello' || hint.conversationId === mine.conversationId,
      ),
    ).toBe(true);
    expect(JSON.stringify(me.hints)).not.toContain('Internal');
    // The other visitor of the same inbox heard nothing about it.
    expect(other.hints).toEqual([{ type: 'hello' }]);
  });

  it('tells the agents when the visitor types', async () => {
    const scenario = await webchatScenario();
    const visitor = await visitorWaiting(scenario);
    const agentSocket = await openRealtime(system.apiUrl, scenario.agent.email);
    sockets.push(agentSocket.socket);
    const widget = await openVisitor(visitor.token);
    widget.socket.send(JSON.stringify({ type: 'typing' }));
    await waitFor(
      async () =>
        agentSocket.hints.some(
          (hint) =>
            hint.type === 'visitor.typing' && hint.conversationId === visitor.conversationId,
        ),
      { what: 'visitor.typing at the agent' },
    );
    // The visitor is not told about their own typing.
    expect(widget.hints).toEqual([{ type: 'hello' }]);
  });
});

describe('agent typing', () => {
  /** Hints about agents typing are only ever meant for the visitor. */
  const typingHints = (hints: Hint[]) => hints.filter((hint) => hint.type === 'agent.typing');
  const typing = (conversationId: string) => JSON.stringify({ type: 'typing', conversationId });

  it('reaches the visitor owning the conversation with the agent’s name, and nobody else', async () => {
    const scenario = await webchatScenario();
    const mine = await visitorWaiting(scenario);
    const theirs = await visitorWaiting(scenario);
    const elsewhere = await visitorWaiting(await webchatScenario());
    const me = await openVisitor(mine.token);
    const neighbour = await openVisitor(theirs.token);
    const stranger = await openVisitor(elsewhere.token);
    await accept(scenario, mine.conversationId);
    const ana = await openRealtime(system.apiUrl, scenario.agent.email);
    // Staff hear every hint of the workspace, except this one.
    const boss = await openRealtime(system.apiUrl, scenario.supervisor.email);
    sockets.push(ana.socket, boss.socket);

    // Several keystrokes in a row are one hint: the visitor needs "is typing", not every key.
    for (let key = 0; key < 3; key++) ana.socket.send(typing(mine.conversationId));
    await waitFor(async () => typingHints(me.hints).length > 0, { what: 'agent.typing' });
    await sleep(500);
    expect(typingHints(me.hints)).toEqual([
      { type: 'agent.typing', conversationId: mine.conversationId, name: 'Ana Agent' },
    ]);
    // Another visitor of the same inbox, and one of another workspace, heard nothing of it.
    expect(typingHints(neighbour.hints)).toEqual([]);
    expect(typingHints(stranger.hints)).toEqual([]);
    // Agents are never told about their own or a colleague's typing.
    expect(typingHints(ana.hints)).toEqual([]);
    expect(typingHints(boss.hints)).toEqual([]);
  });

  it('is not passed on from an agent who may not write in the conversation', async () => {
    const scenario = await webchatScenario();
    const visitor = await visitorWaiting(scenario);
    const widget = await openVisitor(visitor.token);
    const colleague = await system.make.user(scenario.workspaceId, { name: 'Carla Colleague' });
    await system.make.member(scenario.workspaceId, scenario.teamId, colleague.id);
    const outsider = await webchatScenario();

    // Still waiting: nobody writes to the customer before accepting it.
    const ana = await openRealtime(system.apiUrl, scenario.agent.email);
    sockets.push(ana.socket);
    ana.socket.send(typing(visitor.conversationId));
    await accept(scenario, visitor.conversationId);
    // Taken by Ana: her teammate may see it in her team but not write in it; an agent of
    // another workspace may not even see it.
    const carla = await openRealtime(system.apiUrl, colleague.email);
    const stranger = await openRealtime(system.apiUrl, outsider.agent.email);
    sockets.push(carla.socket, stranger.socket);
    carla.socket.send(typing(visitor.conversationId));
    stranger.socket.send(typing(visitor.conversationId));
    // Garbage and unknown frames are ignored without closing the socket.
    carla.socket.send('not json');
    carla.socket.send(JSON.stringify({ type: 'typing', conversationId: 'nope' }));
    // Past the one-hint-per-2-seconds limit of Ana's socket, so only the rules decide.
    await sleep(2100);
    expect(typingHints(widget.hints)).toEqual([]);

    // Ana, now holding it, is heard: the only hint the visitor ever got.
    ana.socket.send(typing(visitor.conversationId));
    await waitFor(async () => typingHints(widget.hints).length > 0, { what: 'agent.typing' });
    await sleep(300);
    expect(typingHints(widget.hints)).toEqual([
      { type: 'agent.typing', conversationId: visitor.conversationId, name: 'Ana Agent' },
    ]);
    expect(carla.socket.readyState).toBe(WebSocket.OPEN);
  });
});

describe('abandonment in the queue', () => {
  it('closes a waiting conversation as abandoned when the visitor stays away', async () => {
    const scenario = await webchatScenario();
    const visitor = await visitorWaiting(scenario);
    const widget = await openVisitor(visitor.token);
    await closeSocket(widget.socket);

    await sleep(1000);
    expect(await conversation(scenario, visitor.conversationId)).toMatchObject({
      status: 'waiting',
    });
    await waitFor(
      async () => (await conversation(scenario, visitor.conversationId)).status === 'closed',
      { what: 'abandoned', timeoutMs: 8000 },
    );
    expect(await conversation(scenario, visitor.conversationId)).toMatchObject({
      status: 'closed',
      outcome: 'abandoned',
    });
    const thread = await json<{ items: Array<{ kind: string; activity: unknown }> }>(
      await scenario.boss(`/api/v1/conversations/${visitor.conversationId}/messages`),
    );
    expect(thread.items.filter((item) => item.kind === 'activity')).toContainEqual(
      expect.objectContaining({
        activity: expect.objectContaining({
          type: 'closed',
          by: 'system',
          outcome: 'abandoned',
          reason: 'visitor_left',
        }),
      }),
    );
  });

  it('keeps the conversation waiting when the visitor comes back in time', async () => {
    const scenario = await webchatScenario();
    const visitor = await visitorWaiting(scenario);
    await closeSocket((await openVisitor(visitor.token)).socket);
    await sleep(800);
    const back = await openVisitor(visitor.token);
    // Past the first departure's limit, with the visitor connected again.
    await sleep(ABANDON_AFTER_SECONDS * 1000 + 1500);
    expect(await conversation(scenario, visitor.conversationId)).toMatchObject({
      status: 'waiting',
    });

    await closeSocket(back.socket);
  });

  it('times a second departure from when it happened, not from the first', async () => {
    const scenario = await webchatScenario();
    const visitor = await visitorWaiting(scenario);
    await closeSocket((await openVisitor(visitor.token)).socket);
    await sleep(800);
    await closeSocket((await openVisitor(visitor.token)).socket);
    // The first departure's limit passes while the visitor is away again, but not for long.
    await sleep(ABANDON_AFTER_SECONDS * 1000 - 300);
    expect((await conversation(scenario, visitor.conversationId)).status).toBe('waiting');
    await waitFor(
      async () => (await conversation(scenario, visitor.conversationId)).outcome === 'abandoned',
      { what: 'abandoned after the second departure', timeoutMs: 8000 },
    );
  });

  it('never ends a conversation an agent has taken', async () => {
    const scenario = await webchatScenario();
    const visitor = await visitorWaiting(scenario);
    const widget = await openVisitor(visitor.token);
    await accept(scenario, visitor.conversationId);
    await closeSocket(widget.socket);
    await sleep(ABANDON_AFTER_SECONDS * 1000 + 1500);
    expect(await conversation(scenario, visitor.conversationId)).toMatchObject({
      status: 'open',
      outcome: null,
    });
  });
});
