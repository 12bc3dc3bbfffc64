import { randomUUID } from 'node:crypto';
import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, waitForWaitingConversation } from './support';
import { errorOf, webchatKit } from './webchat-support';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.stop());

const { world, webchatInbox, visitor, newVisitor, write } = webchatKit(() => system);

const errorCode = async (response: Response) => (await errorOf(response)).code;

describe('web chat visitor API', () => {
  it('describes a web chat inbox and its teams, and knows no other inbox', async () => {
    const w = await world();
    const response = await visitor(`/${w.inbox.id}/config`);
    expect(response.status).toBe(200);
    const config = await json(response);
    expect(config).toMatchObject({
      inboxId: w.inbox.id,
      name: 'Web chat',
      greeting: 'Hi there!',
      color: '#123456',
      position: 'right',
    });
    // The inbox's own team first; a team without members is not offered.
    expect(config.teams.map((team: { name: string }) => team.name)).toEqual(['Support', 'Billing']);
    for (const team of config.teams) expect(typeof team.online).toBe('boolean');

    const sms = await system.smsInbox(w.workspaceId);
    expect((await visitor(`/${sms.id}/config`)).status).toBe(404);
    const unknown = await visitor(`/${randomUUID()}/config`);
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe('not_found');
  });

  it('gives a visitor a token that resumes them and works only for its own inbox', async () => {
    const w = await world();
    const first = await newVisitor(w.inbox.id, { name: 'Vera', email: 'vera@example.test' });
    expect(first.token).toMatch(/^v1\./);
    const again = await newVisitor(w.inbox.id, { token: first.token });
    expect(again.visitorId).toBe(first.visitorId);

    const tampered = `${first.token.slice(0, -2)}xx`;
    const refused = await visitor(`/${w.inbox.id}/visitors`, { body: { token: tampered } });
    expect(refused.status).toBe(401);
    expect(await errorCode(refused)).toBe('invalid_visitor_token');
    const forged = await visitor('/conversation', { token: tampered });
    expect(forged.status).toBe(401);
    expect(await errorCode(forged)).toBe('invalid_visitor_token');
    expect((await visitor('/conversation')).status).toBe(401);

    const otherInbox = await webchatInbox(w.workspaceId, w.support.id);
    const stranger = await newVisitor(otherInbox.id);
    const moved = await visitor(`/${w.inbox.id}/visitors`, { body: { token: stranger.token } });
    expect(moved.status).toBe(401);

    const badEmail = await visitor(`/${w.inbox.id}/visitors`, { body: { email: 'not-an-email' } });
    expect(badEmail.status).toBe(400);
  });

  it("files the visitor's message in the team's Waiting, once per client message id", async () => {
    const w = await world();
    const { token, visitorId } = await newVisitor(w.inbox.id, { name: 'Vera Visitor' });
    const clientMessageId = await write(token, 'Where is my order?');
    // The browser resends after a lost answer: still one message.
    const resent = await visitor('/messages', {
      token,
      body: { clientMessageId, text: 'Where is my order?' },
    });
    expect(resent.status).toBe(202);

    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    const conversation = await json(await w.ana(`/api/v1/conversations/${waiting.id}`));
    expect(conversation).toMatchObject({
      status: 'waiting',
      inbox: { kind: 'webchat' },
      teamId: w.support.id,
      contact: { name: 'Vera Visitor' },
    });
    // Give the duplicate's job time to run before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const messages = (await json(await w.ana(`/api/v1/conversations/${waiting.id}/messages`)))
      .items as Array<{ kind: string; text: string }>;
    expect(messages.filter((message) => message.kind === 'message')).toHaveLength(1);

    const seen = await json(await visitor('/conversation', { token }));
    expect(seen.conversation).toMatchObject({
      id: waiting.id,
      status: 'waiting',
      queuePosition: 1,
    });
    expect(seen.messages).toEqual([
      expect.objectContaining({ direction: 'inbound', text: 'Where is my order?', author: null }),
    ]);
  });

  it('starts a new conversation in the team the visitor picked', async () => {
    const w = await world();
    const { token, visitorId } = await newVisitor(w.inbox.id, { name: 'Bill Payer' });
    await write(token, 'A question about my invoice', { teamId: w.billing.id });
    const waiting = await waitForWaitingConversation(w.bruno, visitorId);
    const conversation = await json(await w.bruno(`/api/v1/conversations/${waiting.id}`));
    expect(conversation.teamId).toBe(w.billing.id);

    const foreignTeam = await system.make.team((await system.make.workspace()).id);
    const refused = await visitor('/messages', {
      token,
      body: { clientMessageId: randomUUID(), text: 'hi', teamId: foreignTeam.id },
    });
    expect(refused.status).toBe(422);
  });

  it("shows the visitor the agent's reply, delivered, and never a private note", async () => {
    const w = await world();
    const { token, visitorId } = await newVisitor(w.inbox.id, { name: 'Vera' });
    await write(token, 'Hello?');
    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    const accepted = await w.ana(`/api/v1/conversations/${waiting.id}/accept`, { method: 'POST' });
    expect(accepted.status).toBe(200);
    const note = await w.ana(`/api/v1/conversations/${waiting.id}/messages`, {
      body: { text: 'Customer seems upset', private: true },
    });
    expect(note.status).toBe(201);
    const reply = await w.ana(`/api/v1/conversations/${waiting.id}/messages`, {
      body: { text: 'Hi Vera, how can I help?' },
    });
    expect(reply.status).toBe(201);
    const replyId = (await json(reply)).id as string;

    const seen = await waitFor(
      async () => {
        const view = await json(await visitor('/conversation', { token }));
        return view.messages.some((message: { id: string }) => message.id === replyId) && view;
      },
      { what: 'the reply in the visitor view' },
    );
    expect(seen.conversation).toMatchObject({
      status: 'open',
      queuePosition: null,
      agent: { name: 'Ana Agent' },
    });
    expect(seen.messages.map((message: { text: string }) => message.text)).toEqual([
      'Hello?',
      'Hi Vera, how can I help?',
    ]);
    expect(seen.messages[1]).toMatchObject({
      direction: 'outbound',
      author: { name: 'Ana Agent' },
      automatic: false,
    });
    expect(JSON.stringify(seen)).not.toContain('upset');

    await waitFor(
      async () => {
        const items = (await json(await w.ana(`/api/v1/conversations/${waiting.id}/messages`)))
          .items as Array<{ id: string; status: string }>;
        return items.find((item) => item.id === replyId)?.status === 'delivered';
      },
      { what: 'the reply marked delivered' },
    );
  });

  it('joins a visitor who gives a known email to that contact', async () => {
    const w = await world();
    const known = await system.make.contact(
      w.workspaceId,
      { kind: 'email', address: 'maria@example.test' },
      { name: 'María López' },
    );
    const { token, visitorId } = await newVisitor(w.inbox.id, {
      name: 'Maria',
      email: 'Maria@Example.test',
    });
    await write(token, 'Following up on my email');
    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    expect(waiting.contact.id).toBe(known.id);
    // The name the agent already knew is kept.
    expect(waiting.contact.name).toBe('María López');
    const addresses = waiting.contact.identities.map((identity) => identity.address).sort();
    expect(addresses).toEqual(['maria@example.test', visitorId].sort());
  });

  it('answers CORS preflights on the visitor API only', async () => {
    const preflight = (path: string) =>
      fetch(`${system.apiUrl}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const open = await preflight('/api/v1/webchat/messages');
    expect(open.status).toBe(204);
    expect(open.headers.get('access-control-allow-origin')).toBe('*');
    expect(open.headers.get('access-control-allow-headers')).toContain('authorization');

    const agentOnly = await preflight('/api/v1/conversations');
    expect(agentOnly.headers.get('access-control-allow-origin')).toBeNull();
    const agentGet = await fetch(`${system.apiUrl}/api/v1/conversations`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(agentGet.headers.get('access-control-allow-origin')).toBeNull();
  });
});
