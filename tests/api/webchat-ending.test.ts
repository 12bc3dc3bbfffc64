import { schema } from '@switchboard/db';
import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});

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
