import { schema } from '@switchboard/db';
import { closeIdleConversations } from '@switchboard/domain';
import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { closeWorkerDeps, createWorkerDeps } from '@switchboard/worker';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { json, waitForWaitingConversation } from './support';
import { errorOf, webchatKit, type VisitorView, type WebchatWorld } from './webchat-support';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.stop());

const { world, visitor, newVisitor, write, view, viewWhen } = webchatKit(() => system);

interface ThreadLine {
  kind: string;
  activity: Record<string, unknown> | null;
}

const threadOf = async (client: ApiClient, conversationId: string) =>
  (await json(await client(`/api/v1/conversations/${conversationId}/messages`)))
    .items as ThreadLine[];

const activities = async (client: ApiClient, conversationId: string, type: string) =>
  (await threadOf(client, conversationId))
    .filter((line) => line.activity?.type === type)
    .map((line) => line.activity);

/** A visitor who wrote and whose conversation Ana accepted. */
async function servedVisitor(w: WebchatWorld, body: Record<string, unknown> = { name: 'Vera' }) {
  const { token, visitorId } = await newVisitor(w.inbox.id, body);
  await write(token, 'I need help with my order');
  const waiting = await waitForWaitingConversation(w.ana, visitorId);
  expect((await w.ana(`/api/v1/conversations/${waiting.id}/accept`, { body: {} })).status).toBe(
    200,
  );
  return { token, visitorId, conversationId: waiting.id };
}

const close = (token: string) => visitor('/conversation/close', { token, method: 'POST' });
const rate = (token: string, body: Record<string, unknown>) =>
  visitor('/conversation/rating', { token, body });

describe('the visitor ends, rates and keeps their chat', () => {
  it('ends a served chat as resolved by the customer and frees the agent for the next one', async () => {
    const w = await world({ ana: { capacity: 1 } });
    const first = await servedVisitor(w, { name: 'First' });
    // From now on Support hands chats out itself; Ana has no room for the next one yet.
    await system.db.db
      .update(schema.teams)
      .set({ assignmentMode: 'round_robin' })
      .where(eq(schema.teams.id, w.support.id));
    const second = await newVisitor(w.inbox.id, { name: 'Second' });
    await write(second.token, 'Hello, second here');
    const queued = await waitForWaitingConversation(w.ana, second.visitorId);

    const response = await close(first.token);
    expect(response.status).toBe(200);
    const ended = await json<VisitorView>(response);
    expect(ended.conversation).toMatchObject({
      id: first.conversationId,
      status: 'closed',
      outcome: 'resolved',
      ending: 'customer',
    });
    const { conversationId } = first;
    const forAgent = await json(await w.ana(`/api/v1/conversations/${conversationId}`));
    expect(forAgent).toMatchObject({ status: 'closed', outcome: 'resolved', closedBy: 'customer' });
    expect(await activities(w.ana, conversationId, 'closed')).toEqual([
      expect.objectContaining({ by: 'customer', outcome: 'resolved' }),
    ]);

    // Ana's slot is free: the chat that waited is hers now.
    await waitFor(
      async () => {
        const next = await json(await w.ana(`/api/v1/conversations/${queued.id}`));
        return next.status === 'open' && next.assignee?.id === w.anaId;
      },
      { what: 'the waiting chat given to Ana' },
    );

    const again = await close(first.token);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('already_closed');
  });

  it('ends a chat still in the queue as cancelled', async () => {
    const w = await world();
    const { token, visitorId } = await newVisitor(w.inbox.id, { name: 'Impatient' });
    await write(token, 'Is anyone there?');
    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    const response = await close(token);
    expect(response.status).toBe(200);
    expect((await json<VisitorView>(response)).conversation).toMatchObject({
      status: 'closed',
      outcome: 'cancelled',
      ending: 'customer',
      queuePosition: null,
    });
    // Nobody took part in it: a supervisor finds it among the closed ones.
    const supervisor = await system.make.user(w.workspaceId, { role: 'supervisor' });
    const sara = await system.signIn(supervisor.email);
    const forStaff = await json(await sara(`/api/v1/conversations/${waiting.id}`));
    expect(forStaff).toMatchObject({
      status: 'closed',
      outcome: 'cancelled',
      closedBy: 'customer',
    });

    const nothingLive = await close((await newVisitor(w.inbox.id)).token);
    expect(nothingLive.status).toBe(409);
    expect((await errorOf(nothingLive)).code).toBe('already_closed');
  });

  it('takes a rating of 1 to 5 with a comment once the chat ended, and a change of mind', async () => {
    const w = await world();
    const { token, conversationId } = await servedVisitor(w);
    const early = await rate(token, { score: 5 });
    expect(early.status).toBe(409);
    expect((await errorOf(early)).code).toBe('not_closed');
    expect((await close(token)).status).toBe(200);

    for (const body of [
      { score: 0 },
      { score: 6 },
      { score: 4.5 },
      { score: '5' },
      {},
      { score: 3, comment: 'x'.repeat(1001) },
    ]) {
      const refused = await rate(token, body);
      expect(refused.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    expect((await view(token)).conversation?.rating).toBeNull();

    const rated = await rate(token, { score: 4, comment: '  Quick and kind  ' });
    expect(rated.status).toBe(200);
    expect((await json<VisitorView>(rated)).conversation?.rating).toEqual({
      score: 4,
      comment: 'Quick and kind',
    });
    expect((await json(await w.ana(`/api/v1/conversations/${conversationId}`))).rating).toEqual({
      score: 4,
      comment: 'Quick and kind',
    });

    const changed = await rate(token, { score: 5 });
    expect((await json<VisitorView>(changed)).conversation?.rating).toEqual({
      score: 5,
      comment: null,
    });
    expect(await activities(w.ana, conversationId, 'rated')).toEqual([
      expect.objectContaining({ score: 4 }),
      expect.objectContaining({ score: 5 }),
    ]);
  });

  it('emails the transcript to the address the visitor gave or typed, with what they saw', async () => {
    const w = await world();
    await system.emailInbox(w.workspaceId, { defaultTeamId: w.support.id });
    const { token, conversationId } = await servedVisitor(w, {
      name: 'Tina',
      email: 'tina@example.test',
    });
    await w.ana(`/api/v1/conversations/${conversationId}/messages`, {
      body: { text: 'Your parcel ships tomorrow' },
    });
    expect((await view(token)).conversation?.contactEmail).toBe('tina@example.test');

    const toGiven = await visitor('/conversation/transcript', { token, body: {} });
    expect(toGiven.status).toBe(202);
    expect(await json(toGiven)).toEqual({ to: 'tina@example.test' });
    const mail = await mailTo('tina@example.test');
    expect(mail.subject).toContain('Transcript');
    expect(mail.text).toContain('I need help with my order');
    expect(mail.text).toContain('Your parcel ships tomorrow');

    const typed = await visitor('/conversation/transcript', {
      token,
      body: { email: 'Tina.Work@Example.test' },
    });
    expect(await json(typed)).toEqual({ to: 'tina.work@example.test' });
    await mailTo('tina.work@example.test');
    expect(
      (await activities(w.ana, conversationId, 'transcript_sent')).map((line) => line?.to),
    ).toEqual(['tina@example.test', 'tina.work@example.test']);

    const anonymous = await servedVisitor(w, { name: 'No Mail' });
    const missing = await visitor('/conversation/transcript', { token: anonymous.token, body: {} });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).code).toBe('no_email_address');
    const bad = await visitor('/conversation/transcript', {
      token: anonymous.token,
      body: { email: 'not-an-address' },
    });
    expect(bad.status).toBe(400);
  });

  it('leaves out of the transcript what was written before the visitor joined the conversation', async () => {
    const w = await world();
    await system.emailInbox(w.workspaceId, { defaultTeamId: w.support.id });
    const owner = await newVisitor(w.inbox.id, { name: 'Owner', email: 'owner@example.test' });
    await write(owner.token, 'My secret order number is 4711');
    const waiting = await waitForWaitingConversation(w.ana, owner.visitorId);
    // Someone else types the same email on another browser and lands in the same conversation.
    const other = await newVisitor(w.inbox.id, { name: 'Other', email: 'owner@example.test' });
    await write(other.token, 'Hello from another browser');
    const seen = await viewWhen(
      other.token,
      (v) => v.conversation?.id === waiting.id,
      'the second browser in the conversation',
    );
    expect(seen.messages.map((message) => message.text)).toEqual(['Hello from another browser']);

    const sent = await visitor('/conversation/transcript', {
      token: other.token,
      body: { email: 'other@example.test' },
    });
    expect(sent.status).toBe(202);
    const mail = await mailTo('other@example.test');
    expect(mail.text).toContain('Hello from another browser');
    expect(mail.text).not.toContain('4711');
  });
  it('says a chat we closed after a while without messages ended for inactivity, unless the visitor had left', async () => {
    const w = await world();
    await system.db.db
      .update(schema.teams)
      .set({ idleCloseHours: 2 })
      .where(eq(schema.teams.id, w.support.id));
    const quiet = await servedVisitor(w, { name: 'Quiet' });
    const gone = await servedVisitor(w, { name: 'Gone' });
    // Ana answered three hours ago and nobody wrote since: moved back in time, not waited for.
    await system.db.db
      .update(schema.conversations)
      .set({ phase: 'waiting_customer', lastOutboundAt: sql`now() - interval '3 hours'` })
      .where(inArray(schema.conversations.id, [quiet.conversationId, gone.conversationId]));
    await system.db.db
      .update(schema.conversations)
      .set({ visitorAwaySince: new Date() })
      .where(eq(schema.conversations.id, gone.conversationId));

    const deps = createWorkerDeps(system.config);
    try {
      expect(await closeIdleConversations(deps.domain)).toBeGreaterThanOrEqual(2);
    } finally {
      await closeWorkerDeps(deps);
    }
    expect((await view(quiet.token)).conversation).toMatchObject({
      status: 'closed',
      outcome: 'no_reply',
      ending: 'inactive',
    });
    expect((await view(gone.token)).conversation).toMatchObject({
      status: 'closed',
      outcome: 'no_reply',
      ending: 'connection_lost',
    });
  });

  it('puts in the transcript exactly the messages the widget shows', async () => {
    const w = await world();
    await system.emailInbox(w.workspaceId, { defaultTeamId: w.support.id });
    // The visitor counts as gone one second after their chat closes.
    await system.db.db
      .update(schema.inboxes)
      .set({ settings: { webchat: { abandonAfterSeconds: 1 } } })
      .where(eq(schema.inboxes.id, w.inbox.id));
    const { token, visitorId } = await newVisitor(w.inbox.id, {
      name: 'Tom',
      email: 'tom@example.test',
    });
    const socket = await openVisitorSocket(token);
    await write(token, 'Where is my parcel?');
    const { id } = await waitForWaitingConversation(w.ana, visitorId);
    expect((await w.ana(`/api/v1/conversations/${id}/accept`, { body: {} })).status).toBe(200);
    const reply = (text: string) =>
      w.ana(`/api/v1/conversations/${id}/messages`, { body: { text } });
    await reply('It left our warehouse this morning');
    // A supervisor joins: other channels get a "joined" message, the widget a line of its own.
    const supervisor = await system.make.user(w.workspaceId, {
      name: 'Sara Supervisor',
      role: 'supervisor',
    });
    const sara = await system.signIn(supervisor.email);
    expect((await sara(`/api/v1/conversations/${id}/join`, { body: {} })).status).toBe(200);

    // Tom closes the tab; the reply he missed follows him by email in a digest.
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reply('Are you still there?');
    await waitFor(
      async () => {
        const [digest] = await system.db.sql`
          select 1 from messages where conversation_id = ${id} and metadata ? 'followUp'`;
        return digest;
      },
      { what: 'the digest of missed replies' },
    );
    const shown = (await view(token)).messages.map((message) => message.text);
    expect(shown).toEqual([
      'Where is my parcel?',
      'It left our warehouse this morning',
      'Are you still there?',
    ]);
    const [notice] = await system.db.sql`
      select 1 from messages where conversation_id = ${id} and metadata->>'notice' = 'joined'`;
    expect(notice).toBeDefined();

    const sent = await askTranscript(token, '198.51.100.1', { email: 'tom.copy@example.test' });
    expect(sent.status).toBe(202);
    const mail = await mailTo('tom.copy@example.test');
    const entries = mail.text.split(/\n\n(?=\[\d{4}-\d\d-\d\d \d\d:\d\d UTC\] )/).slice(1);
    expect(entries.map((entry) => entry.split('\n').slice(1).join('\n'))).toEqual(shown);
    expect(mail.text).not.toContain('joined the conversation');
  });

  it('emails the transcript at most 3 times a day per conversation', async () => {
    const w = await world();
    await system.emailInbox(w.workspaceId, { defaultTeamId: w.support.id });
    const { token, conversationId } = await servedVisitor(w, {
      name: 'Tess',
      email: 'tess@example.test',
    });
    // The agent's transcripts are theirs to send: they do not count against the visitor's.
    expect(
      (await w.ana(`/api/v1/conversations/${conversationId}/transcript`, { body: {} })).status,
    ).toBe(202);
    for (const n of [1, 2, 3])
      expect((await askTranscript(token, `198.51.100.${10 + n}`, {})).status).toBe(202);
    // Even from another address, as a script going round the per-minute limit would.
    const refused = await askTranscript(token, '198.51.100.20', { email: 'someone@example.test' });
    expect(refused.status).toBe(429);
    expect(await errorOf(refused)).toMatchObject({
      code: 'too_many_transcripts',
      message: expect.stringContaining('3 times a day'),
    });
    expect(await activities(w.ana, conversationId, 'transcript_sent')).toHaveLength(4);

    // A day later the visitor may ask again.
    await system.db.sql`
      update messages set occurred_at = occurred_at - interval '25 hours'
      where conversation_id = ${conversationId} and activity->>'type' = 'transcript_sent'`;
    expect((await askTranscript(token, '198.51.100.21', {})).status).toBe(202);
  });
});

/**
 * The widget's "Email me the transcript", from the given address: the route's per-minute limit
 * counts per address, and this file asks more often than one shopper would.
 */
function askTranscript(token: string, from: string, body: Record<string, unknown>) {
  return fetch(`${system.apiUrl}/api/v1/webchat/conversation/transcript`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-forwarded-for': from,
    },
    body: JSON.stringify(body),
  });
}

/** The widget's socket, open: while it is, the visitor is on the page. */
async function openVisitorSocket(token: string) {
  const socket = new WebSocket(
    `${system.apiUrl.replace('http', 'ws')}/api/v1/webchat/socket?token=${encodeURIComponent(token)}`,
  );
  await new Promise<void>((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'hello') resolve();
    });
    socket.once('error', reject);
  });
  return socket;
}

/** The mail the sandbox's mail server received for this address. */
function mailTo(address: string) {
  return waitFor(
    async () => {
      const response = await fetch(
        `${system.sandboxUrl}/sandbox/mail/mailbox?address=${encodeURIComponent(address)}`,
      );
      const items = (await json(response)).items as Array<{
        direction: string;
        subject: string;
        text: string;
      }>;
      return items.find((item) => item.direction === 'in' && /Transcript/.test(item.subject));
    },
    { what: `the transcript mail to ${address}` },
  );
}
