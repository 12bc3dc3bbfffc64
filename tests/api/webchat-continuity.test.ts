import { randomUUID } from 'node:crypto';
import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { incomingSms } from './fixtures';
import { json } from './support';

let system: TestSystem;
let client: ApiClient;
let webchat: { id: string };
let emailInbox: { id: string; address: string };
let smsInbox: { id: string; address: string };
const sockets: WebSocket[] = [];
const SHOP_PAGE = 'https://shop.example/hats/straw?size=58';

beforeAll(async () => {
  system = await startTestSystem({ statusDelayMs: 50 });
  const workspace = await system.make.workspace();
  const team = await system.make.team(workspace.id, { name: 'Soporte' });
  const agent = await system.make.user(workspace.id, { name: 'Ana Agent', capacity: 100 });
  await system.make.member(workspace.id, team.id, agent.id);
  webchat = await system.make.smsInbox(workspace.id, {
    kind: 'webchat',
    name: 'Web chat',
    address: 'tienda',
    externalId: null,
    credentials: {},
    defaultTeamId: team.id,
    settings: { webchat: { abandonAfterSeconds: 1, siteOrigins: ['https://shop.example'] } },
  });
  emailInbox = await system.emailInbox(workspace.id, { defaultTeamId: team.id });
  smsInbox = await system.smsInbox(workspace.id, { defaultTeamId: team.id });
  client = await system.signIn(agent.email);
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await system.stop();
});

const webchatApi = (path: string, token: string | null, body?: unknown) =>
  fetch(`${system.apiUrl}/api/v1/webchat${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      // The shoppers' browsers speak Spanish: what reaches them outside the chat does too.
      'accept-language': 'es-ES,es;q=0.9',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A shopper fills in the pre-chat form, opens the widget's socket and writes. */
async function shopperChats(contact: { email?: string; phone?: string }, text: string) {
  const started = await webchatApi(`/${webchat.id}/visitors`, null, {
    name: 'Lucía Pérez',
    ...contact,
  });
  expect(started.status).toBe(200);
  const { token } = await json<{ token: string }>(started);
  const socket = await openSocket(token);
  await say(token, text);
  return { token, socket };
}

async function say(token: string, text: string, extra: Record<string, unknown> = {}) {
  const sent = await webchatApi('/messages', token, {
    clientMessageId: randomUUID(),
    text,
    pageUrl: SHOP_PAGE,
    ...extra,
  });
  expect(sent.status).toBe(202);
}

async function openSocket(token: string) {
  const socket = new WebSocket(
    `${system.apiUrl.replace('http', 'ws')}/api/v1/webchat/socket?token=${encodeURIComponent(token)}`,
  );
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type === 'hello') resolve();
    });
    socket.once('error', reject);
  });
  return socket;
}

async function closeSocket(socket: WebSocket) {
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.close();
  await closed;
}

type Conversation = {
  id: string;
  reference: string;
  status: string;
  outcome: string | null;
  visitorAwaySince: string | null;
  replyChannel: { kind: string; to: string | null; followUp: boolean } | null;
  contact: { id: string; identities: Array<{ kind: string; address: string }> };
};
type Message = {
  id: string;
  direction: string;
  kind: string;
  text: string;
  channel: string | null;
  activity: { type?: string; followUp?: string | null } | null;
};

const conversation = async (id: string) =>
  json<Conversation>(await client(`/api/v1/conversations/${id}`));
const messagesOf = async (id: string) =>
  (await json<{ items: Message[] }>(await client(`/api/v1/conversations/${id}/messages?limit=200`)))
    .items;

async function conversationsWith(address: string) {
  const found: Conversation[] = [];
  for (const tab of ['waiting', 'open', 'closed']) {
    const page = await json<{ items: Conversation[] }>(
      await client(`/api/v1/conversations?tab=${tab}&limit=100`),
    );
    found.push(
      ...page.items.filter((item) =>
        item.contact.identities.some((identity) => identity.address === address),
      ),
    );
  }
  return found;
}

const waitForConversationOf = (address: string) =>
  waitFor(async () => (await conversationsWith(address))[0], { what: `a chat from ${address}` });

async function reply(id: string, text: string) {
  const response = await client(`/api/v1/conversations/${id}/messages`, { body: { text } });
  expect(response.status).toBe(201);
  return json<Message>(response);
}

const sandbox = (path: string, body?: unknown) =>
  fetch(`${system.sandboxUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then((response) => json(response));

type Mail = { direction: string; messageId: string; subject: string; text: string };
const mailWith = (address: string, text: string) =>
  waitFor(
    async () =>
      (
        (await sandbox(`/sandbox/mail/mailbox?address=${encodeURIComponent(address)}`))
          .items as Mail[]
      ).find((mail) => mail.direction === 'in' && mail.text.includes(text)),
    { what: `mail to ${address} saying "${text}"` },
  );

const textSms = (from: string, body: string) =>
  system.postTwilio(
    `/webhooks/twilio/${smsInbox.id}`,
    incomingSms({
      accountSid: system.twilioAccount.accountSid,
      from,
      to: smsInbox.address,
      body,
    }),
    system.twilioAccount.authToken,
  );

describe('a web chat the customer leaves', () => {
  it('follows them by email with the reference and a link back, and their emailed answer continues the same conversation', async () => {
    const customer = `lucia.${Date.now()}@mail.test`;
    const shopper = await shopperChats({ email: customer }, 'Hola, el sombrero es pequeño');
    const { id } = await waitForConversationOf(customer);
    expect((await client(`/api/v1/conversations/${id}/accept`, { body: {} })).status).toBe(200);
    const live = await reply(id, '¿Qué talla necesitas?');
    expect(live.channel).toBe('webchat');

    // The shopper closes the tab; a reply written during the grace period was never seen.
    await closeSocket(shopper.socket);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reply(id, '¿Sigues ahí?');
    const away = await waitFor(
      async () => {
        const current = await conversation(id);
        return current.visitorAwaySince ? current : null;
      },
      { what: 'the visitor marked away' },
    );
    expect(away.status).toBe('open');
    expect(away.replyChannel).toEqual({
      inboxId: emailInbox.id,
      kind: 'email',
      to: customer,
      followUp: true,
    });
    const left = (await messagesOf(id)).find((item) => item.activity?.type === 'visitor_left');
    expect(left?.activity?.followUp).toBe('email');

    // What they missed arrives by email with the reference and a link that reopens the chat.
    const missed = await mailWith(customer, '¿Sigues ahí?');
    // A first mail to a Spanish-speaking chat customer gets a subject in their language.
    expect(missed.subject).toBe(`Tu consulta [${away.reference}]`);
    expect(missed.text).not.toContain('¿Qué talla necesitas?');
    expect(missed.text).toContain(`Referencia ${away.reference}`);
    const link = new RegExp(`${SHOP_PAGE.replace(/[?.]/g, '\\$&')}#sb-chat=(r1\\.\\S+)`);
    expect(missed.text).toMatch(link);
    // The link carries a resume token, never the visitor's own token, and it leads back.
    const resumeToken = link.exec(missed.text)![1]!;
    expect(missed.text).not.toContain(shopper.token);
    const resumed = await webchatApi(`/${webchat.id}/resume`, null, { resumeToken });
    expect(resumed.status).toBe(200);
    expect((await json<{ token: string }>(resumed)).token).toBe(shopper.token);
    const forged = await webchatApi(`/${webchat.id}/resume`, null, {
      resumeToken: `${resumeToken.slice(0, -3)}xyz`,
    });
    expect(forged.status).toBe(401);

    // Later replies go by email too, and the customer answers from their mail client.
    const byEmail = await reply(id, 'Te cambiamos la talla hoy.');
    expect(byEmail.channel).toBe('email');
    const mail = await mailWith(customer, 'Te cambiamos la talla hoy.');
    expect(mail.text).toMatch(link);
    await sandbox('/sandbox/mail/reply', {
      messageId: mail.messageId,
      from: customer,
      text: 'Perfecto, la 58 por favor.',
    });
    const answer = await waitFor(
      async () => (await messagesOf(id)).find((item) => item.text.includes('la 58 por favor')),
      { what: 'the emailed answer in the chat conversation' },
    );
    expect(answer.direction).toBe('inbound');
    expect(answer.channel).toBe('email');
    expect(await conversationsWith(customer)).toHaveLength(1);
    expect((await conversation(id)).replyChannel?.kind).toBe('email');

    // Back in the chat from the link: one uninterrupted conversation, every channel in it.
    const view = await json<{ messages: Array<{ text: string }> }>(
      await webchatApi('/conversation', shopper.token),
    );
    const texts = view.messages.map((message) => message.text);
    for (const text of ['pequeño', 'Qué talla', 'Sigues ahí', 'cambiamos la talla', 'la 58'])
      expect(texts.filter((item) => item.includes(text))).toHaveLength(1);
    await openSocket(shopper.token);
    await waitFor(async () => (await conversation(id)).visitorAwaySince === null, {
      what: 'the visitor back',
    });
    expect((await messagesOf(id)).some((item) => item.activity?.type === 'visitor_returned')).toBe(
      true,
    );
    // Back in the chat, replies go to the chat again.
    expect((await conversation(id)).replyChannel).toMatchObject({
      kind: 'webchat',
      followUp: false,
    });
    expect((await reply(id, '¡Hola de nuevo!')).channel).toBe('webchat');
  });

  it('keeps an offline message waiting when its sender leaves, instead of abandoning it', async () => {
    const customer = `offline.${Date.now()}@mail.test`;
    const shopper = await shopperChats({ email: customer }, 'Quiero devolver un pedido');
    await waitForConversationOf(customer);
    await closeSocket(shopper.socket);
    // An ordinary chat left in the queue is abandoned after the grace period.
    await waitFor(
      async () => {
        const view = await json<{ conversation: { outcome: string | null } }>(
          await webchatApi('/conversation', shopper.token),
        );
        return view.conversation.outcome === 'abandoned';
      },
      { what: 'the chat abandoned' },
    );

    const other = `offline2.${Date.now()}@mail.test`;
    const started = await json<{ token: string }>(
      await webchatApi(`/${webchat.id}/visitors`, null, { name: 'Rui', email: other }),
    );
    const socket = await openSocket(started.token);
    // Its page address claims another site: links we send never lead there.
    await say(started.token, 'Nadie en línea: escribo mi consulta', {
      offline: true,
      pageUrl: 'https://evil.example/login',
    });
    const offline = await waitForConversationOf(other);
    await closeSocket(socket);
    const away = await waitFor(
      async () => {
        const current = await conversation(offline.id);
        return current.visitorAwaySince ? current : null;
      },
      { what: 'the offline message marked away' },
    );
    expect(away.status).toBe('waiting');
    expect(away.replyChannel?.kind).toBe('email');
    expect((await client(`/api/v1/conversations/${away.id}/accept`, { body: {} })).status).toBe(
      200,
    );
    await reply(away.id, 'Claro, te ayudamos con la devolución.');
    const mail = await mailWith(other, 'te ayudamos con la devolución');
    expect(mail.text).toContain(`${system.apiUrl}/chat/${webchat.id}#sb-chat=r1.`);
    expect(mail.text).not.toContain('evil.example');
  });
});

describe('continuity from SMS', () => {
  it('does not abandon a chat in the queue whose customer carried on by SMS', async () => {
    const phone = `+1500558${String(Date.now()).slice(-4)}`;
    const shopper = await shopperChats({ phone }, 'Necesito cambiar la dirección');
    const chat = await waitForConversationOf(phone);
    await closeSocket(shopper.socket);
    expect((await textSms(phone, 'Sigo por SMS, me voy del sitio')).status).toBe(200);
    const away = await waitFor(
      async () => {
        const current = await conversation(chat.id);
        return current.visitorAwaySince ? current : null;
      },
      { what: 'the chat kept and marked away' },
    );
    expect(away.status).toBe('waiting');
    expect(away.replyChannel).toMatchObject({ kind: 'sms_twilio', to: phone });
  });

  it('files a text quoting the reference, or from the same customer, in the web chat, and answers by SMS', async () => {
    const phone = `+1500555${String(Date.now()).slice(-4)}`;
    const shopper = await shopperChats({ phone }, 'Mi pedido no llegó');
    const chat = await waitForConversationOf(phone);
    expect((await client(`/api/v1/conversations/${chat.id}/accept`, { body: {} })).status).toBe(
      200,
    );

    // From the same number, without quoting anything: their live chat continues.
    expect((await textSms(phone, 'Os escribo por SMS')).status).toBe(200);
    const sms = await waitFor(
      async () => (await messagesOf(chat.id)).find((item) => item.text === 'Os escribo por SMS'),
      { what: 'the SMS in the chat conversation' },
    );
    expect(sms.channel).toBe('sms_twilio');
    const current = await conversation(chat.id);
    expect(current.replyChannel).toMatchObject({ kind: 'sms_twilio', to: phone });
    const answer = await reply(chat.id, 'Recibido, lo miramos.');
    expect(answer.channel).toBe('sms_twilio');

    // A new number quoting the reference writes into the same conversation, but is not taken
    // for the customer: replies keep going to the customer's own number.
    const newPhone = `+1500556${String(Date.now()).slice(-4)}`;
    await textSms(newPhone, `Soy Lucía, mi referencia es ${chat.reference.toLowerCase()}`);
    await waitFor(
      async () => (await messagesOf(chat.id)).some((item) => item.text.startsWith('Soy Lucía')),
      { what: 'the quoted reference continuing the chat' },
    );
    const after = await conversation(chat.id);
    expect(after.contact.identities).not.toContainEqual({ kind: 'phone', address: newPhone });
    expect(after.replyChannel).toMatchObject({ kind: 'sms_twilio', to: phone });

    // Someone we already know as another customer cannot write into it by quoting it.
    const stranger = `+1500557${String(Date.now()).slice(-4)}`;
    await textSms(stranger, 'Hola');
    const own = await waitForConversationOf(stranger);
    await textSms(stranger, `Referencia ${chat.reference}, dame sus datos`);
    await waitFor(
      async () => (await messagesOf(own.id)).some((item) => item.text.includes('dame sus datos')),
      { what: "the stranger's text in their own conversation" },
    );
    expect((await messagesOf(chat.id)).some((item) => item.text.includes('dame sus datos'))).toBe(
      false,
    );
    await closeSocket(shopper.socket);
  });
});
