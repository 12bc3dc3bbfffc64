import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverMail } from './smtp-client';
import { json } from './support';

let system: TestSystem;
let inbox: { id: string; address: string };
let client: ApiClient;

beforeAll(async () => {
  system = await startTestSystem({ statusDelayMs: 50 });
  const workspace = await system.make.workspace();
  const team = await system.make.team(workspace.id, { name: 'Soporte' });
  // One agent answers every conversation of the file: room for all of them.
  const agent = await system.make.user(workspace.id, { name: 'Ana Agent', capacity: 100 });
  await system.make.member(workspace.id, team.id, agent.id);
  inbox = await system.emailInbox(workspace.id, { defaultTeamId: team.id });
  client = await system.signIn(agent.email);
});
afterAll(() => system.stop());

let customers = 0;
const newCustomer = () => `cliente${Date.now() % 100000}${customers++}@mail.test`;

const sandbox = (path: string, body?: unknown) =>
  fetch(`${system.sandboxUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then((response) => json(response));

/** The customer writes from their mail client; the sandbox delivers to our listener. */
async function customerWrites(from: string, subject: string, text: string, extra = {}) {
  const sent = await sandbox('/sandbox/mail/send', {
    from,
    fromName: 'Lucía Pérez',
    to: inbox.address,
    subject,
    text,
    ...extra,
  });
  expect(sent.accepted).toBe(true);
  return sent as { messageId: string };
}

async function conversationsOf(address: string) {
  const found: any[] = [];
  for (const tab of ['waiting', 'open', 'closed']) {
    const page = await json(await client(`/api/v1/conversations?tab=${tab}&limit=100`));
    found.push(
      ...page.items.filter((item: any) =>
        item.contact.identities.some((identity: any) => identity.address === address),
      ),
    );
  }
  return found;
}

const waitForConversation = (address: string) =>
  waitFor(async () => (await conversationsOf(address))[0], {
    what: `a conversation from ${address}`,
  });

async function messagesOf(conversationId: string) {
  return (await json(await client(`/api/v1/conversations/${conversationId}/messages?limit=200`)))
    .items as any[];
}

const inboundCount = async (conversationId: string) =>
  (await messagesOf(conversationId)).filter((message) => message.direction === 'inbound').length;

async function mailboxOf(address: string) {
  return (await sandbox(`/sandbox/mail/mailbox?address=${encodeURIComponent(address)}`))
    .items as any[];
}

/** Accepts the conversation and replies; resolves with the mail the customer received. */
async function agentReplies(conversationId: string, text: string, customer: string) {
  await client(`/api/v1/conversations/${conversationId}/accept`, { body: {} });
  const sent = await json(
    await client(`/api/v1/conversations/${conversationId}/messages`, { body: { text } }),
  );
  const mail = await waitFor(
    async () =>
      (await mailboxOf(customer)).find(
        (item) => item.direction === 'in' && item.text.includes(text),
      ),
    { what: 'the reply in the customer mailbox' },
  );
  return { sent, mail };
}

describe('mail forwarded to the SMTP listener', () => {
  it('becomes a conversation with the subject, a safe HTML body and the quoted history folded', async () => {
    const from = newCustomer();
    await customerWrites(from, 'Pedido 1042 no llegó', 'Hola, mi pedido no llegó.', {
      html: '<p>Hola, mi pedido <b>no llegó</b>.<img src="x" onerror="alert(1)"><script>alert(2)</script><img src="https://tracker.test/p.gif"></p><div class="gmail_quote">El lun escribió:<blockquote>Antes</blockquote></div>',
    });
    const conversation = await waitForConversation(from);
    expect(conversation.status).toBe('waiting');
    const [message] = (await messagesOf(conversation.id)).filter(
      (item) => item.direction === 'inbound',
    );
    expect(message.email.subject).toBe('Pedido 1042 no llegó');
    expect(message.email.html).toContain('<b>no llegó</b>');
    expect(message.email.html).not.toMatch(/<script|onerror|\ssrc="https:\/\/tracker/);
    // The tracker's address is kept for a "show images" click, never loaded by itself.
    expect(message.email.html).toContain('data-remote-src="https://tracker.test/p.gif"');
    expect(message.email.quoted).toContain('Antes');
    expect(message.text).toContain('mi pedido no llegó');
  });

  it('stores mail delivered twice (same Message-ID) once', async () => {
    const from = newCustomer();
    const raw = [
      `From: Lucía <${from}>`,
      `To: ${inbox.address}`,
      'Subject: Dos veces',
      'Message-ID: <dos-veces-1@mail.test>',
      'Date: Sun, 22 Nov 2026 10:00:00 +0000',
      '',
      'El mismo correo dos veces.',
    ].join('\r\n');
    for (let i = 0; i < 2; i++)
      expect((await deliverMail(system.mailPort, { from, to: [inbox.address] }, raw)).code).toBe(
        250,
      );
    const conversation = await waitForConversation(from);
    await waitFor(async () => (await inboundCount(conversation.id)) === 1 || undefined, {
      what: 'one message',
    });
    expect(await inboundCount(conversation.id)).toBe(1);
  });

  it('refuses mail for an address no inbox serves', async () => {
    const answer = await deliverMail(
      system.mailPort,
      { from: 'a@mail.test', to: ['nobody@example.test'] },
      'Subject: x\r\n\r\nx',
    );
    expect(answer.code).toBe(550);
  });

  it('keeps malformed mail as raw text with a warning instead of losing it', async () => {
    const from = newCustomer();
    const raw = [
      `From: <${from}>`,
      `To: ${inbox.address}`,
      'Subject: roto',
      'Message-ID: <roto-1@mail.test>',
      'Content-Type: multipart/mixed; boundary="nunca"',
      '',
      '--otro',
      'Content-Type: text/plain',
      '',
      'Texto dentro de un límite que no existe',
    ].join('\r\n');
    expect((await deliverMail(system.mailPort, { from, to: [inbox.address] }, raw)).code).toBe(250);
    const conversation = await waitForConversation(from);
    const [message] = await waitFor(
      async () => {
        const items = (await messagesOf(conversation.id)).filter(
          (item) => item.direction === 'inbound',
        );
        return items.length ? items : undefined;
      },
      { what: 'the malformed mail' },
    );
    expect(message.text).toContain('no existe');
  });
});

describe('replies by email', () => {
  it('go out with our threading headers, the token in Reply-To and the reference in the subject', async () => {
    const from = newCustomer();
    const original = await customerWrites(from, 'Factura duplicada', 'Me cobraron dos veces.');
    const conversation = await waitForConversation(from);
    const { sent, mail } = await agentReplies(conversation.id, 'Ya lo revisamos, perdón.', from);
    expect(mail.subject).toBe(`Re: Factura duplicada [${conversation.reference}]`);
    expect(mail.inReplyTo).toBe(original.messageId);
    expect(mail.references).toContain(original.messageId);
    expect(mail.messageId).toMatch(/@example\.test>?$/);
    expect(mail.replyTo).toMatch(
      new RegExp(
        `^${inbox.address.split('@')[0]}\\+${conversation.reference.toLowerCase()}-[0-9a-f]{8}@example\\.test$`,
      ),
    );
    expect(mail.fromName).toContain('Ana Agent');
    expect(mail.headers['x-auto-response-suppress']).toBe('All');
    expect(mail.html).toContain('Ya lo revisamos');
    await waitFor(
      async () =>
        (await messagesOf(conversation.id)).find(
          (item) => item.id === sent.id && item.status === 'sent',
        ),
      { what: 'the reply marked sent' },
    );
  });

  for (const client_ of ['gmail', 'outlook', 'apple'] as const) {
    it(`threads the customer's ${client_} reply into the same conversation`, async () => {
      const from = newCustomer();
      await customerWrites(from, `Consulta ${client_}`, 'Primera pregunta');
      const conversation = await waitForConversation(from);
      const { mail } = await agentReplies(conversation.id, `Respuesta para ${client_}`, from);
      await sandbox('/sandbox/mail/reply', {
        messageId: mail.messageId,
        from,
        text: 'Gracias, otra duda',
        client: client_,
      });
      await waitFor(async () => (await inboundCount(conversation.id)) === 2 || undefined, {
        what: 'the reply in the thread',
      });
      expect(await conversationsOf(from)).toHaveLength(1);
    });
  }

  it('threads by the Reply-To token alone and by the subject reference alone', async () => {
    const from = newCustomer();
    await customerWrites(from, 'Cambio de dirección', 'Quiero cambiar la dirección');
    const conversation = await waitForConversation(from);
    const { mail } = await agentReplies(conversation.id, '¿Cuál es la nueva dirección?', from);
    // A client that drops every header but keeps the address it replies to.
    await sandbox('/sandbox/mail/send', {
      from,
      to: mail.replyTo,
      subject: 'otra cosa',
      text: 'Calle Falsa 123',
    });
    // And a brand-new mail that only quotes the reference.
    await sandbox('/sandbox/mail/send', {
      from: newCustomer(),
      to: inbox.address,
      subject: `Sobre [${conversation.reference}]`,
      text: 'Soy su pareja',
    });
    await waitFor(async () => (await inboundCount(conversation.id)) === 3 || undefined, {
      what: 'both mails in the thread',
    });
  });

  it('marks the reply failed with the reason when it bounces, and never answers the bounce', async () => {
    const from = `${newCustomer().split('@')[0]}@bounce.test`;
    await customerWrites(from, 'Rebote', 'Escríbanme');
    const conversation = await waitForConversation(from);
    await client(`/api/v1/conversations/${conversation.id}/accept`, { body: {} });
    const sent = await json(
      await client(`/api/v1/conversations/${conversation.id}/messages`, { body: { text: 'Hola' } }),
    );
    const failed = await waitFor(
      async () =>
        (await messagesOf(conversation.id)).find(
          (item) => item.id === sent.id && item.status === 'failed',
        ),
      { what: 'the bounced reply failed' },
    );
    expect(failed.errorMessage).toMatch(/user unknown|5\.1\.1/);
  });

  it('files an auto-reply without answering it', async () => {
    const from = `${newCustomer().split('@')[0]}@vacation.test`;
    await customerWrites(from, 'Ausente', 'Pregunta antes de irme');
    const conversation = await waitForConversation(from);
    await agentReplies(conversation.id, 'Respuesta', from).catch(() => undefined);
    await waitFor(async () => (await inboundCount(conversation.id)) === 2 || undefined, {
      what: 'the auto-reply filed',
    });
    const outbound = (await messagesOf(conversation.id)).filter(
      (item) => item.direction === 'outbound',
    );
    expect(outbound).toHaveLength(1);
  });

  it('sends a transcript marked as automatic mail', async () => {
    const from = newCustomer();
    await customerWrites(from, 'Transcripción', 'Quiero una copia');
    const conversation = await waitForConversation(from);
    const response = await client(`/api/v1/conversations/${conversation.id}/transcript`, {
      body: {},
    });
    expect(response.status).toBe(202);
    expect((await json(response)).to).toBe(from);
    const mail = await waitFor(
      async () =>
        (await mailboxOf(from)).find(
          (item) => item.direction === 'in' && /Transcript/.test(item.subject),
        ),
      { what: 'the transcript' },
    );
    expect(mail.headers['auto-submitted']).toBe('auto-replied');
    expect(mail.text).toContain('Quiero una copia');
  });
});
