import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type CloudInbox,
  type TestSystem,
} from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cloudWebhook,
  newWamid,
  reactionValue,
  statusValue,
  textMessageValue,
} from './meta-fixtures';
import { json, waitForWaitingConversation } from './support';

/** Long enough that a test can report `read` before the sandbox reports `delivered`. */
const STATUS_DELAY_MS = 1500;

let system: TestSystem;
let inbox: CloudInbox;
let client: ApiClient;
let workspaceId: string;
let teamId: string;

beforeAll(async () => {
  system = await startTestSystem({ statusDelayMs: STATUS_DELAY_MS });
  const workspace = await system.make.workspace();
  workspaceId = workspace.id;
  const team = await system.make.team(workspace.id, { name: 'Support' });
  teamId = team.id;
  // One agent answers every conversation of the file: room for all of them.
  const agent = await system.make.user(workspace.id, { name: 'Ana Agent', capacity: 100 });
  await system.make.member(workspace.id, team.id, agent.id);
  inbox = await system.cloudInbox(workspace.id, { defaultTeamId: team.id });
  client = await system.signIn(agent.email);
});
afterAll(() => system.stop());

let phoneCounter = 0;
const newPhone = () => `+5491155${String(Date.now() % 100000).padStart(5, '0')}${phoneCounter++}`;
const webhookPath = () => `/webhooks/whatsapp/${inbox.id}`;
const postSigned = (value: Record<string, unknown>) =>
  system.postMeta(webhookPath(), cloudWebhook(inbox, value), inbox.appSecret);

async function storedEvents() {
  const [row] = await system.db
    .sql`select count(*)::int as n from inbound_events where inbox_id = ${inbox.id}`;
  return (row as { n: number }).n;
}

async function messagesOf(conversationId: string) {
  const page = await json(await client(`/api/v1/conversations/${conversationId}/messages`));
  return page.items as Array<Record<string, any>>;
}

/** A customer writes through the sandbox's phone, which signs and posts like Meta. */
async function customerWrites(from: string, body: string) {
  const response = await fetch(`${system.sandboxUrl}/sandbox/meta/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      from,
      profileName: 'Lucía',
      to: inbox.address,
      type: 'text',
      text: body,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string };
}

async function openConversationWith(from: string, viaSandbox = true) {
  if (viaSandbox) await customerWrites(from, 'Hola, necesito ayuda');
  else
    expect((await postSigned(textMessageValue({ from, name: 'Lucía', body: 'Hola' }))).status).toBe(
      200,
    );
  const waiting = await waitForWaitingConversation(client, from);
  expect((await client(`/api/v1/conversations/${waiting.id}/accept`, { body: {} })).status).toBe(
    200,
  );
  return waiting.id;
}

const reply = async (conversationId: string, body: Record<string, unknown>) =>
  client(`/api/v1/conversations/${conversationId}/messages`, { body });

function untilMessage(
  conversationId: string,
  what: string,
  test: (message: Record<string, any>) => boolean,
) {
  return waitFor(async () => (await messagesOf(conversationId)).find(test), {
    what,
    timeoutMs: 15_000,
  });
}

describe('WhatsApp Cloud API webhook security', () => {
  it("answers Meta's subscription handshake only with the inbox's verify token", async () => {
    const handshake = (token: string, mode = 'subscribe') =>
      fetch(
        `${system.apiUrl}${webhookPath()}?hub.mode=${mode}&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`,
      );
    const ok = await handshake(inbox.verifyToken);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await handshake('not-the-token')).status).toBe(403);
    expect((await handshake(inbox.verifyToken, 'unsubscribe')).status).toBe(403);
  });

  it('refuses missing, wrong-secret and altered signatures with 401 and stores nothing', async () => {
    const before = await storedEvents();
    const body = JSON.stringify(
      cloudWebhook(inbox, textMessageValue({ from: newPhone(), name: 'Eve', body: 'ping' })),
    );
    expect((await system.postMeta(webhookPath(), body, null)).status).toBe(401);
    expect((await system.postMeta(webhookPath(), body, 'wrong-secret')).status).toBe(401);
    // Signed correctly, then one byte changed on the way.
    const { createHmac } = await import('node:crypto');
    const signature = `sha256=${createHmac('sha256', inbox.appSecret).update(body).digest('hex')}`;
    const altered = body.replace('ping', 'pong');
    const tampered = await fetch(`${system.apiUrl}${webhookPath()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body: altered,
    });
    expect(tampered.status).toBe(401);
    expect(await storedEvents()).toBe(before);
    expect((await system.postMeta(webhookPath(), body, inbox.appSecret)).status).toBe(200);
    expect(await storedEvents()).toBe(before + 1);
  });
});

describe('WhatsApp Cloud API routing', () => {
  it('files nothing for a number of the Meta app that no inbox serves', async () => {
    const before = await storedEvents();
    const stranger = { ...inbox, phoneNumberId: '999000999000999' };
    const value = textMessageValue({ from: newPhone(), name: 'Eve', body: 'hola' });
    const response = await system.postMeta(
      webhookPath(),
      cloudWebhook(stranger, value),
      inbox.appSecret,
    );
    expect(response.status).toBe(200);
    expect(await storedEvents()).toBe(before);
  });
});

describe('WhatsApp Cloud API messages', () => {
  it('files five deliveries of the same message as one message', async () => {
    const from = newPhone();
    const value = textMessageValue({ from, name: 'Lucía Pérez', body: 'Mi pedido no llegó' });
    const responses = await Promise.all(Array.from({ length: 5 }, () => postSigned(value)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const conversation = await waitForWaitingConversation(client, from);
    expect(conversation.contact.name).toBe('Lucía Pérez');
    const messages = await messagesOf(conversation.id);
    expect(messages.filter((message) => message.direction === 'inbound')).toHaveLength(1);
  });

  it("shows a customer's reaction on the message it reacts to, and removes it when they do", async () => {
    const from = newPhone();
    const id = newWamid();
    await postSigned(textMessageValue({ from, name: 'Lucía', body: 'Gracias!', id }));
    const conversation = await waitForWaitingConversation(client, from);
    await postSigned(reactionValue({ from, name: 'Lucía', messageId: id, emoji: '❤️' }));
    const reacted = await untilMessage(
      conversation.id,
      'the reaction',
      (message) => message.reactions.length > 0,
    );
    expect(reacted.text).toBe('Gracias!');
    expect(reacted.reactions).toEqual([
      { emoji: '❤️', author: { type: 'contact', name: 'Lucía' } },
    ]);
    // The reaction is not a message of its own.
    expect(
      (await messagesOf(conversation.id)).filter((m) => m.direction === 'inbound'),
    ).toHaveLength(1);
    await postSigned(reactionValue({ from, name: 'Lucía', messageId: id, emoji: '' }));
    await untilMessage(
      conversation.id,
      'the reaction removed',
      (message) => message.id === reacted.id && message.reactions.length === 0,
    );
  });

  it('keeps read when delivered arrives after it', async () => {
    const from = newPhone();
    const conversationId = await openConversationWith(from);
    const sent = await json(await reply(conversationId, { text: '¿Cuál es tu número de pedido?' }));
    await untilMessage(
      conversationId,
      'sent',
      (message) => message.id === sent.id && message.status === 'sent',
    );
    const [row] = await system.db
      .sql`select provider_message_id from messages where id = ${sent.id}`;
    const wamid = (row as { provider_message_id: string }).provider_message_id;
    expect(wamid).toMatch(/^wamid\./);
    await postSigned(statusValue({ id: wamid, status: 'read', recipient: from }));
    await untilMessage(
      conversationId,
      'read',
      (message) => message.id === sent.id && message.status === 'read',
    );
    // The sandbox's own `delivered` comes later, like a late webhook from Meta.
    await waitFor(
      async () => {
        const [event] = await system.db
          .sql`select processed_at from inbound_events where provider_event_id = ${`${wamid}:delivered`}`;
        return (event as { processed_at: Date | null } | undefined)?.processed_at ?? undefined;
      },
      { what: 'the late delivered status processed', timeoutMs: 15_000 },
    );
    const [after] = (await messagesOf(conversationId)).filter((message) => message.id === sent.id);
    expect(after?.status).toBe('read');
  });

  it("marks a reply failed with Meta's code and an explanation when WhatsApp refuses it", async () => {
    // The customer wrote straight to the webhook, so the provider's own window never opened.
    const from = newPhone();
    const conversationId = await openConversationWith(from, false);
    const sent = await json(await reply(conversationId, { text: 'Hola Lucía' }));
    const failed = await untilMessage(
      conversationId,
      'failed',
      (message) => message.id === sent.id && message.status === 'failed',
    );
    expect(failed.errorCode).toBe('131047');
    expect(failed.errorMessage).toMatch(/24 hours/);
  });
});

describe('talking back to Meta', () => {
  const thread = async (customer: string) => {
    const response = await fetch(
      `${system.sandboxUrl}/sandbox/meta/thread?customer=${encodeURIComponent(customer)}&business=${encodeURIComponent(inbox.address)}`,
    );
    const body = await json(response);
    return (body.items ?? body.messages ?? body) as Array<Record<string, any>>;
  };

  it('shows the customer blue ticks once an agent opens the conversation', async () => {
    const from = newPhone();
    const conversationId = await openConversationWith(from);
    expect(
      (await client(`/api/v1/conversations/${conversationId}/read`, { body: {} })).status,
    ).toBe(204);
    await waitFor(
      async () => {
        const mine = (await thread(from)).filter((message) => message.direction === 'out');
        return mine.length > 0 && mine.every((message) => message.status === 'read');
      },
      { what: "the customer's message read at Meta" },
    );
  });

  it('waits when WhatsApp says too many requests, then sends the reply exactly once', async () => {
    const from = newPhone();
    const conversationId = await openConversationWith(from);
    await fetch(`${system.sandboxUrl}/sandbox/meta/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ httpStatus: 400, code: 130429, message: 'Rate limit hit', count: 1 }),
    });
    const sent = await json(await reply(conversationId, { text: 'Gracias por esperar' }));
    await untilMessage(
      conversationId,
      'delivered after the pause',
      (message) => message.id === sent.id && message.status === 'delivered',
    );
    const received = await json(
      await fetch(`${system.sandboxUrl}/sandbox/meta/messages?to=${encodeURIComponent(from)}`),
    );
    const copies = (received.items ?? received).filter((message: any) =>
      JSON.stringify(message).includes('Gracias por esperar'),
    );
    expect(copies).toHaveLength(1);
  });
});

describe('the 24-hour customer service window', () => {
  const ageLastCustomerMessage = (conversationId: string, interval: string) =>
    system.db
      .sql`update conversations set last_inbound_at = now() - ${interval}::interval where id = ${conversationId}`;

  it('accepts free text at 23 h 59 min and refuses it at 24 h 01 min with a specific code', async () => {
    const conversationId = await openConversationWith(newPhone());
    await ageLastCustomerMessage(conversationId, '23 hours 59 minutes');
    const conversation = await json(await client(`/api/v1/conversations/${conversationId}`));
    expect(conversation.window.open).toBe(true);
    expect((await reply(conversationId, { text: 'Still in time' })).status).toBe(201);

    await ageLastCustomerMessage(conversationId, '24 hours 1 minute');
    const closed = await json(await client(`/api/v1/conversations/${conversationId}`));
    expect(closed.window).toMatchObject({ open: false });
    const refused = await reply(conversationId, { text: 'Too late' });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.code).toBe('whatsapp_window_closed');
  });

  it('sends an approved template outside the window, rendered with its parameters', async () => {
    const from = newPhone();
    const conversationId = await openConversationWith(from);
    await ageLastCustomerMessage(conversationId, '3 days');
    const synced = await json(
      await client(`/api/v1/inboxes/${inbox.id}/templates/sync`, { body: {} }),
    );
    const template = synced.items.find(
      (item: any) => item.name === 'order_update' && item.language === 'es',
    );
    expect(template).toBeDefined();
    expect(template.parameterCount).toBe(2);
    // Only approved templates are offered.
    expect(synced.items.every((item: any) => item.name !== 'pending_offer')).toBe(true);

    const missing = await reply(conversationId, {
      template: { id: template.id, parameters: ['Lucía'] },
    });
    expect(missing.status).toBe(422);
    const response = await reply(conversationId, {
      template: { id: template.id, parameters: ['Lucía', 'A-1042'] },
    });
    expect(response.status).toBe(201);
    const sent = await json(response);
    expect(sent.text).toBe('Hola Lucía, tu pedido A-1042 fue enviado.');
    expect(sent.template).toEqual({
      name: 'order_update',
      language: 'es',
      parameters: ['Lucía', 'A-1042'],
    });
    await untilMessage(
      conversationId,
      'delivered',
      (message) => message.id === sent.id && message.status === 'delivered',
    );
    const received = await json(
      await fetch(`${system.sandboxUrl}/sandbox/meta/messages?to=${encodeURIComponent(from)}`),
    );
    const last = (received.items ?? received).at(-1);
    expect(JSON.stringify(last)).toContain('order_update');
  });
});

describe('media', () => {
  const picture = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('stores a customer picture and serves it only to people who may see the conversation', async () => {
    const from = newPhone();
    const sent = await fetch(`${system.sandboxUrl}/sandbox/meta/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from,
        profileName: 'Lucía',
        to: inbox.address,
        type: 'image',
        image: {
          contentType: 'image/png',
          dataBase64: picture.toString('base64'),
          caption: 'La caja rota',
        },
      }),
    });
    expect(sent.status).toBe(200);
    const conversation = await waitForWaitingConversation(client, from);
    const message = await untilMessage(
      conversation.id,
      'the stored picture',
      (item) => item.attachments[0]?.state === 'ready',
    );
    expect(message.text).toBe('La caja rota');
    const file = await client(message.attachments[0].url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(picture)).toBe(true);

    const stranger = await system.make.user((await system.make.workspace()).id);
    const strangerClient = await system.signIn(stranger.email);
    expect((await strangerClient(message.attachments[0].url)).status).toBe(404);
    const outsider = await system.make.user(workspaceId, { name: 'Otro equipo' });
    const outsiderClient = await system.signIn(outsider.email);
    expect((await outsiderClient(message.attachments[0].url)).status).toBe(404);
    expect(teamId).toBeDefined();
  });

  it('sends an agent picture that the customer receives', async () => {
    const from = newPhone();
    const conversationId = await openConversationWith(from);
    const form = new FormData();
    form.append('text', 'Así debería verse');
    form.append('file', new Blob([picture], { type: 'image/png' }), 'ejemplo.png');
    const response = await client(`/api/v1/conversations/${conversationId}/messages/media`, {
      body: form,
    });
    expect(response.status).toBe(201);
    const sent = await json(response);
    expect(sent.attachments[0]).toMatchObject({
      fileName: 'ejemplo.png',
      contentType: 'image/png',
      state: 'ready',
    });
    await untilMessage(
      conversationId,
      'delivered',
      (message) => message.id === sent.id && message.status === 'delivered',
    );
    const received = await json(
      await fetch(`${system.sandboxUrl}/sandbox/meta/messages?to=${encodeURIComponent(from)}`),
    );
    const last = (received.items ?? received).at(-1);
    expect(JSON.stringify(last)).toContain('image');
  });
});

describe('one customer on several channels', () => {
  it('files SMS and WhatsApp from the same number under one contact and lists both conversations', async () => {
    const phone = newPhone();
    const sms = await system.smsInbox(workspaceId, { defaultTeamId: teamId });
    const { incomingSms } = await import('./fixtures');
    await system.postTwilio(
      `/webhooks/twilio/${sms.id}`,
      incomingSms({
        accountSid: system.twilioAccount.accountSid,
        from: phone,
        to: sms.address,
        body: 'Por SMS',
      }),
      system.twilioAccount.authToken,
    );
    await postSigned(textMessageValue({ from: phone, name: 'Lucía', body: 'Por WhatsApp' }));
    const conversations = await waitFor(
      async () => {
        const page = await json(await client('/api/v1/conversations?tab=waiting&limit=100'));
        const mine = page.items.filter((item: any) =>
          item.contact.identities.some((identity: any) => identity.address === phone),
        );
        return mine.length === 2 ? mine : undefined;
      },
      { what: 'both conversations' },
    );
    expect(new Set(conversations.map((item: any) => item.contact.id)).size).toBe(1);
    expect(
      conversations[0].contact.identities.map((identity: any) => identity.kind).sort(),
    ).toEqual(['phone', 'whatsapp']);
    const listed = await json(
      await client(`/api/v1/contacts/${conversations[0].contact.id}/conversations`),
    );
    expect(listed.items.map((item: any) => item.inbox.kind).sort()).toEqual([
      'sms_twilio',
      'whatsapp_cloud',
    ]);
  });
});
