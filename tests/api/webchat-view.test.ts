import { randomBytes, randomUUID } from 'node:crypto';
import { schema } from '@switchboard/db';
import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, waitForWaitingConversation } from './support';
import { errorOf, webchatKit, type WebchatWorld } from './webchat-support';

let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system.stop());

const { world, visitor, newVisitor, write, view, viewWhen } = webchatKit(() => system);

/** Conversations of the team that waited `seconds` each before a person took them, recently. */
async function servedEarlier(w: WebchatWorld, teamId: string, waits: number[]) {
  for (const seconds of waits) {
    const contact = await system.make.contact(w.workspaceId, {
      kind: 'email',
      address: `earlier-${randomUUID()}@example.test`,
    });
    const queuedAt = new Date(Date.now() - 3_600_000);
    await system.make.conversation({
      workspaceId: w.workspaceId,
      inboxId: w.inbox.id,
      contactId: contact.id,
      teamId,
      reference: `SB-${randomBytes(3).toString('hex').toUpperCase()}`,
      status: 'closed',
      outcome: 'resolved',
      waitingSince: null,
      queuedAt,
      firstAssignedAt: new Date(queuedAt.getTime() + seconds * 1000),
    });
  }
}

describe('what the visitor sees of their conversation', () => {
  it('estimates the wait from how long the team took this week, and none without history', async () => {
    const w = await world();
    const first = await newVisitor(w.inbox.id, { name: 'First' });
    await write(first.token, 'Anyone there?');
    await waitForWaitingConversation(w.ana, first.visitorId);
    const alone = await viewWhen(
      first.token,
      (seen) => seen.conversation?.status === 'waiting',
      'the first visitor waiting',
    );
    expect(alone.conversation).toMatchObject({ queuePosition: 1, estimatedWaitSeconds: null });

    // Two earlier conversations waited 2 and 4 minutes: 3 minutes a place in the queue.
    await servedEarlier(w, w.support.id, [120, 240]);
    // Another team's history is not this team's.
    await servedEarlier(w, w.billing.id, [3_000]);
    const second = await newVisitor(w.inbox.id, { name: 'Second' });
    await write(second.token, 'Me too');
    await waitForWaitingConversation(w.ana, second.visitorId);
    expect((await view(first.token)).conversation).toMatchObject({
      queuePosition: 1,
      estimatedWaitSeconds: 180,
    });
    expect((await view(second.token)).conversation).toMatchObject({
      queuePosition: 2,
      estimatedWaitSeconds: 360,
    });
  });

  it('names the agent with their avatar and lists every time a person took the chat', async () => {
    const w = await world({ ana: { avatarUrl: 'https://cdn.example.test/ana.png' } });
    const supervisor = await system.make.user(w.workspaceId, {
      name: 'Sara Supervisor',
      role: 'supervisor',
    });
    const sara = await system.signIn(supervisor.email);
    const { token, visitorId } = await newVisitor(w.inbox.id, { name: 'Vera' });
    await write(token, 'Hello?');
    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    const before = await view(token);
    expect(before.conversation?.agent).toBeNull();
    expect(before.joins).toEqual([]);

    expect((await w.ana(`/api/v1/conversations/${waiting.id}/accept`, { body: {} })).status).toBe(
      200,
    );
    expect((await sara(`/api/v1/conversations/${waiting.id}/join`, { body: {} })).status).toBe(200);
    const seen = await view(token);
    expect(seen.conversation).toMatchObject({
      status: 'open',
      estimatedWaitSeconds: null,
      agent: { name: 'Ana Agent', avatarUrl: 'https://cdn.example.test/ana.png' },
    });
    expect(seen.joins.map((join) => join.agent)).toEqual([
      { name: 'Ana Agent', avatarUrl: 'https://cdn.example.test/ana.png' },
      { name: 'Sara Supervisor', avatarUrl: null },
    ]);
    for (const join of seen.joins) expect(Date.parse(join.at)).not.toBeNaN();
    // Said once, as a join line, not again as the notice other channels get as a message.
    const thread = (await json(await sara(`/api/v1/conversations/${waiting.id}/messages`)))
      .items as Array<{ text: string }>;
    expect(thread.some((item) => item.text === 'Sara Supervisor joined the conversation.')).toBe(
      true,
    );
    expect(seen.messages.map((message) => message.text)).toEqual(['Hello?']);
    // The join lines come from the log; its other lines stay private.
    expect(JSON.stringify(seen)).not.toContain('"activity"');
  });

  it("marks the visitor's own messages with the browser's id and every message with its channel", async () => {
    const w = await world();
    const { token, visitorId } = await newVisitor(w.inbox.id, { name: 'Vera' });
    const clientMessageId = await write(token, 'My order is late');
    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    await w.ana(`/api/v1/conversations/${waiting.id}/accept`, { body: {} });
    const reply = await w.ana(`/api/v1/conversations/${waiting.id}/messages`, {
      body: { text: 'Let me check' },
    });
    expect(reply.status).toBe(201);
    const seen = await viewWhen(token, (v) => v.messages.length === 2, 'the reply');
    expect(seen.messages).toEqual([
      expect.objectContaining({ text: 'My order is late', clientMessageId, channel: 'webchat' }),
      expect.objectContaining({ text: 'Let me check', clientMessageId: null, channel: 'webchat' }),
    ]);
  });

  it('keeps the page the visitor wrote from and the offline-form mark with their message', async () => {
    const w = await world();
    const { token, visitorId } = await newVisitor(w.inbox.id, {
      name: 'Olga',
      email: 'olga@example.test',
    });
    const clientMessageId = await write(token, 'Please call me back', {
      pageUrl: 'https://shop.example.test/checkout?step=2',
      offline: true,
    });
    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    const [stored] = await system.db.db
      .select({ metadata: schema.messages.metadata })
      .from(schema.messages)
      .where(
        and(
          eq(schema.messages.conversationId, waiting.id),
          eq(schema.messages.providerMessageId, clientMessageId),
        ),
      );
    expect(stored?.metadata).toMatchObject({
      visitorId,
      pageUrl: 'https://shop.example.test/checkout?step=2',
      offline: true,
    });
    expect((await view(token)).conversation?.contactEmail).toBe('olga@example.test');

    // Only web pages: anything else is refused before it is stored.
    for (const pageUrl of [
      'javascript:alert(1)',
      'not a url',
      `https://x.test/${'a'.repeat(2000)}`,
    ]) {
      const refused = await visitor('/messages', {
        token,
        body: { clientMessageId: randomUUID(), text: 'hi', pageUrl },
      });
      expect(refused.status).toBe(400);
      expect((await errorOf(refused)).code).toBe('invalid_request');
    }
  });

  it('does not reveal the email of a customer whose phone number a visitor typed', async () => {
    const w = await world();
    const known = await system.make.contact(
      w.workspaceId,
      { kind: 'phone', address: '+15005550123' },
      { name: 'Known Customer' },
    );
    await system.db.db.insert(schema.contactIdentities).values({
      workspaceId: w.workspaceId,
      contactId: known.id,
      kind: 'email',
      address: 'known@example.test',
    });
    const { token, visitorId } = await newVisitor(w.inbox.id, { phone: '+15005550123' });
    await write(token, 'Hi, it is me');
    const waiting = await waitForWaitingConversation(w.ana, visitorId);
    expect(waiting.contact.id).toBe(known.id);
    const seen = await view(token);
    expect(seen.conversation?.contactEmail).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('known@example.test');
  });

  it('says whether anyone can answer now, for the offline-message form', async () => {
    const w = await world();
    const online = await json(await visitor(`/${w.inbox.id}/config`));
    expect(online.online).toBe(true);
    expect(online.teams).toEqual([
      expect.objectContaining({ name: 'Support', online: true }),
      expect.objectContaining({ name: 'Billing', online: true }),
    ]);

    for (const agent of [w.ana, w.bruno]) {
      const away = await agent('/api/v1/me/presence', {
        method: 'PUT',
        body: { presence: 'away' },
      });
      expect(away.status).toBe(200);
    }
    const nobody = await waitFor(
      async () => {
        const config = await json(await visitor(`/${w.inbox.id}/config`));
        return config.online === false && config;
      },
      { what: 'the chat offline', intervalMs: 250 },
    );
    expect(nobody.teams.map((team: { online: boolean }) => team.online)).toEqual([false, false]);

    // Someone in a team the visitor may pick is enough.
    await w.bruno('/api/v1/me/presence', { method: 'PUT', body: { presence: 'online' } });
    const billingOnly = await json(await visitor(`/${w.inbox.id}/config`));
    expect(billingOnly.online).toBe(true);
    expect(billingOnly.teams.map((team: { online: boolean }) => team.online)).toEqual([
      false,
      true,
    ]);
  });

  it('shows a chat the agent closed as ended by the agent, whether or not the visitor was still there', async () => {
    const w = await world();
    for (const left of [false, true]) {
      const { token, visitorId } = await newVisitor(w.inbox.id, { name: 'Vera' });
      await write(token, 'Hello');
      const waiting = await waitForWaitingConversation(w.ana, visitorId);
      await w.ana(`/api/v1/conversations/${waiting.id}/accept`, { body: {} });
      if (left) {
        await system.db.db
          .update(schema.conversations)
          .set({ visitorAwaySince: new Date() })
          .where(eq(schema.conversations.id, waiting.id));
      }
      const closed = await w.ana(`/api/v1/conversations/${waiting.id}/close`, {
        body: { outcome: 'resolved' },
      });
      expect(closed.status).toBe(200);
      expect((await view(token)).conversation).toMatchObject({
        status: 'closed',
        // Only a timer closing it while they were away reads as a lost connection.
        ending: 'agent',
      });
    }
  });
});
