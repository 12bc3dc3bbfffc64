import { schema } from '@switchboard/db';
import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms, newSid } from './fixtures';
import { json, smsScenario, waitForWaitingConversation, type SmsScenario } from './support';

let system: TestSystem;
let scenario: SmsScenario;

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await smsScenario(system);
});
afterAll(() => system.stop());

const text = (from: string, body: string, sid?: string) =>
  system.postTwilio(
    `/webhooks/twilio/${scenario.inbox.id}`,
    incomingSms({
      accountSid: system.twilioAccount.accountSid,
      from,
      to: scenario.inbox.address,
      body,
      ...(sid ? { sid } : {}),
    }),
    system.twilioAccount.authToken,
  );

const waitingConversationFor = (phone: string) =>
  waitForWaitingConversation(scenario.client, phone);

describe('inbound SMS', () => {
  it('puts a text from a new number in Waiting, visible with its message through the API', async () => {
    const response = await text('+15005550101', '¿Dónde está mi pedido?');
    expect(response.status).toBe(200);

    const conversation = await waitingConversationFor('+15005550101');
    const detail = await json(await scenario.client(`/api/v1/conversations/${conversation.id}`));
    expect(detail).toMatchObject({
      status: 'waiting',
      phase: 'in_progress',
      inboxId: scenario.inbox.id,
      assignee: null,
    });
    expect(detail.reference).toMatch(/^SB-[0-9A-Z]{5}$/);

    const messages = await json(
      await scenario.client(`/api/v1/conversations/${conversation.id}/messages`),
    );
    const inbound = messages.items.filter(
      (message: { kind: string }) => message.kind === 'message',
    );
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({
      direction: 'inbound',
      text: '¿Dónde está mi pedido?',
      status: 'received',
      channel: 'sms_twilio',
    });
    expect(
      messages.items.some(
        (message: { activity: { type?: string } | null }) => message.activity?.type === 'opened',
      ),
    ).toBe(true);

    const counts = await json(await scenario.client('/api/v1/conversations/counts'));
    expect(counts.waiting).toBeGreaterThanOrEqual(1);
  });

  it('stores one message when Twilio delivers the same webhook five times', async () => {
    const sid = newSid();
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await text('+15005550102', 'Repeated', sid)).status).toBe(200);
    const conversation = await waitingConversationFor('+15005550102');
    // Give any stray duplicate job time to land before counting.
    await waitFor(async () => {
      const pending = await system.db
        .sql`select count(*)::int as n from inbound_events where processed_at is null`;
      return pending[0]?.n === 0;
    });
    const rows = await system.db.db
      .select()
      .from(schema.messages)
      .where(eq(schema.messages.providerMessageId, sid));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.conversationId).toBe(conversation.id);
  });

  it('files 50 concurrent texts from a new number into one conversation, in arrival order', async () => {
    const from = '+15005550150';
    const bodies = Array.from({ length: 50 }, (_, index) => `message ${index + 1}`);
    const responses = await Promise.all(bodies.map((body) => text(from, body)));
    expect(responses.map((response) => response.status)).toEqual(bodies.map(() => 200));

    const conversation = await waitingConversationFor(from);
    const messages = await waitFor(
      async () => {
        const page = await json<{ items: Array<{ kind: string; text: string }> }>(
          await scenario.client(`/api/v1/conversations/${conversation.id}/messages?limit=200`),
        );
        const inbound = page.items.filter((message) => message.kind === 'message');
        return inbound.length === 50 ? inbound : undefined;
      },
      { what: '50 messages' },
    );

    const conversations = await system.db.db
      .select()
      .from(schema.conversations)
      .innerJoin(
        schema.contactIdentities,
        eq(schema.contactIdentities.contactId, schema.conversations.contactId),
      )
      .where(eq(schema.contactIdentities.address, from));
    expect(conversations).toHaveLength(1);

    // Arrival order is the order the webhooks were stored in.
    const arrival = await system.db.db
      .select({ payload: schema.inboundEvents.payload })
      .from(schema.inboundEvents)
      .where(eq(schema.inboundEvents.inboxId, scenario.inbox.id))
      .orderBy(asc(schema.inboundEvents.receivedAt), asc(schema.inboundEvents.id));
    const expected = arrival
      .map((event) => event.payload as Record<string, string>)
      .filter((fields) => fields.From === from)
      .map((fields) => fields.Body);
    expect(messages.map((message) => message.text)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(bodies));
  });

  it('stores a picture sent by MMS and serves it only to people who may see the conversation', async () => {
    // A 1×1 PNG, as a customer's phone would attach it.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const sent = await fetch(`${system.sandboxUrl}/sandbox/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: '+15005550177',
        to: scenario.inbox.address,
        body: 'Foto del paquete roto',
        media: [{ contentType: 'image/png', dataBase64: png.toString('base64') }],
      }),
    });
    expect(sent.status).toBe(200);
    const conversation = await waitingConversationFor('+15005550177');
    const attachment = await waitFor(
      async () => {
        const page = await json(
          await scenario.client(`/api/v1/conversations/${conversation.id}/messages`),
        );
        const file = page.items.flatMap(
          (message: { attachments: any[] }) => message.attachments,
        )[0];
        return file?.state === 'ready' ? file : undefined;
      },
      { what: 'the picture to be stored' },
    );
    expect(attachment).toMatchObject({
      contentType: 'image/png',
      size: png.byteLength,
      fileName: 'attachment-1.png',
    });

    const download = await scenario.client(attachment.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);

    expect((await fetch(system.apiUrl + attachment.url)).status).toBe(401);
    const stranger = await system.make.user((await system.make.workspace()).id);
    expect((await (await system.signIn(stranger.email))(attachment.url)).status).toBe(404);
  });

  it('clears the unread mark when the agent opens the conversation', async () => {
    await text('+15005550188', 'one');
    await text('+15005550188', 'two');
    const conversation = await waitFor(
      async () => {
        const found = await waitingConversationFor('+15005550188');
        const detail = await json(await scenario.client(`/api/v1/conversations/${found.id}`));
        return detail.unreadCount === 2 ? detail : undefined;
      },
      { what: 'two unread messages' },
    );
    expect(
      (await scenario.client(`/api/v1/conversations/${conversation.id}/read`, { method: 'POST' }))
        .status,
    ).toBe(204);
    expect(
      (await json(await scenario.client(`/api/v1/conversations/${conversation.id}`))).unreadCount,
    ).toBe(0);
  });

  it('reopens a recently closed conversation to its agent when the customer writes again', async () => {
    await text('+15005550199', 'first problem');
    const first = await waitingConversationFor('+15005550199');
    await scenario.client(`/api/v1/conversations/${first.id}/accept`, { method: 'POST' });
    await scenario.client(`/api/v1/conversations/${first.id}/close`, {
      body: { outcome: 'resolved' },
    });

    await text('+15005550199', 'one more thing');
    const reopened = await waitFor(
      async () => {
        const detail = await json(await scenario.client(`/api/v1/conversations/${first.id}`));
        return detail.status === 'open' ? detail : undefined;
      },
      { what: 'the conversation to reopen' },
    );
    expect(reopened.assignee.id).toBe(scenario.agent.id);
    const thread = await json(await scenario.client(`/api/v1/conversations/${first.id}/messages`));
    expect(thread.items.at(-2).activity).toMatchObject({ type: 'reopened', by: 'customer' });
    expect(thread.items.at(-1)).toMatchObject({ direction: 'inbound', text: 'one more thing' });
  });

  it('opens a new conversation, linked to the old one, once the reopen window has passed', async () => {
    await text('+15005550198', 'old problem');
    const old = await waitingConversationFor('+15005550198');
    await scenario.client(`/api/v1/conversations/${old.id}/close`, {
      body: { outcome: 'resolved' },
    });
    await system.db
      .sql`update conversations set closed_at = now() - interval '3 days' where id = ${old.id}`;

    await text('+15005550198', 'new problem');
    const fresh = await waitingConversationFor('+15005550198');
    expect(fresh.id).not.toBe(old.id);
    const [row] = await system.db
      .sql`select previous_conversation_id from conversations where id = ${fresh.id}`;
    expect(row?.previous_conversation_id).toBe(old.id);
  });
});
