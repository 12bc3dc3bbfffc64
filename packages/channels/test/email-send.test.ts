import { createServer } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adapterFor,
  ChannelError,
  closeEmailTransports,
  type InboxConnection,
  type OutboundMessage,
} from '../src/index';

const adapter = adapterFor('email');
const env = { twilioApiBase: 'http://127.0.0.1:9', metaGraphBase: 'http://127.0.0.1:9' };

/** A real SMTP server on loopback that keeps what it receives and refuses some recipients. */
const received: { envelopeTo: string[]; raw: Buffer }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    const refusal = (text: string, responseCode: number) =>
      Object.assign(new Error(text), { responseCode });
    if (address.address.startsWith('unknown@')) {
      return callback(refusal('5.1.1 <unknown@example.org>: Recipient address rejected', 550));
    }
    if (address.address.startsWith('greylisted@')) {
      return callback(refusal('4.7.1 Greylisted, please try again in 5 minutes', 451));
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({
        envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
        raw: Buffer.concat(chunks),
      });
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  closeEmailTransports();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const connection = (overrides: Partial<Record<string, string>> = {}): InboxConnection => ({
  address: 'support@example.com',
  externalId: null,
  credentials: {
    smtpHost: '127.0.0.1',
    smtpPort: String(port),
    smtpSecure: 'false',
    ...overrides,
  },
});

const reply = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'msg-1',
  to: 'maria.garcia@gmail.com',
  text: 'Hello María,\n\nYour parcel left the warehouse today.',
  statusCallbackUrl: '',
  media: [
    {
      url: 'https://files.example/label.pdf',
      fileName: 'shipping-label.pdf',
      contentType: 'application/pdf',
      data: Buffer.from('%PDF-1.4 label'),
    },
  ],
  email: {
    messageId: 'sb-out-99@example.com',
    subject: 'Re: Your order 1234 [SB-7K3Q9]',
    inReplyTo: 'CAF1x9s0HkN@mail.gmail.com',
    references: ['sb-1a2b3c4d@example.com', 'CAF1x9s0HkN@mail.gmail.com'],
    replyTo: 'support+sb-7k3q9-4f1a2b3c@example.com',
    fromName: 'Ana (Example Support)',
    html: '<p>Hello María,</p><p>Your parcel left the warehouse today.</p>',
  },
  ...overrides,
});

async function lastReceived(): Promise<{ envelopeTo: string[]; mail: ParsedMail }> {
  const last = received.at(-1);
  if (!last) throw new Error('the SMTP server received nothing');
  return { envelopeTo: last.envelopeTo, mail: await simpleParser(last.raw) };
}

describe('email adapter: send over SMTP', () => {
  it('delivers a reply with the headers that keep the thread together', async () => {
    const result = await adapter.send(reply(), connection(), env);
    expect(result).toEqual({ providerMessageId: 'sb-out-99@example.com' });

    const { envelopeTo, mail } = await lastReceived();
    expect(envelopeTo).toEqual(['maria.garcia@gmail.com']);
    expect(mail.from?.value).toEqual([
      { address: 'support@example.com', name: 'Ana (Example Support)' },
    ]);
    expect((mail.to as AddressObject).text).toBe('maria.garcia@gmail.com');
    expect(mail.replyTo?.text).toBe('support+sb-7k3q9-4f1a2b3c@example.com');
    expect(mail.subject).toBe('Re: Your order 1234 [SB-7K3Q9]');
    expect(mail.messageId).toBe('<sb-out-99@example.com>');
    expect(mail.inReplyTo).toBe('<CAF1x9s0HkN@mail.gmail.com>');
    expect(mail.headers.get('references')).toEqual([
      '<sb-1a2b3c4d@example.com>',
      '<CAF1x9s0HkN@mail.gmail.com>',
    ]);
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(mail.headers.has('auto-submitted')).toBe(false);
    expect(mail.text?.trim()).toBe('Hello María,\n\nYour parcel left the warehouse today.');
    expect(mail.html).toBe('<p>Hello María,</p><p>Your parcel left the warehouse today.</p>');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({
      filename: 'shipping-label.pdf',
      contentType: 'application/pdf',
    });
    expect(mail.attachments[0]?.content.toString()).toBe('%PDF-1.4 label');
  });

  it('marks automatic mail Auto-Submitted: auto-replied', async () => {
    const base = reply();
    await adapter.send({ ...base, email: { ...base.email!, automatic: true } }, connection(), env);
    const { mail } = await lastReceived();
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
  });

  it('explains a permanent refusal and does not retry it', async () => {
    const failure = adapter.send(reply({ to: 'unknown@example.org' }), connection(), env);
    await expect(failure).rejects.toBeInstanceOf(ChannelError);
    await expect(failure).rejects.toMatchObject({
      retryable: false,
      code: 'smtp_550',
      message:
        'The mail server refused the message: 5.1.1 <unknown@example.org>: Recipient address rejected.',
    });
  });

  it('retries a temporary refusal', async () => {
    const failure = adapter.send(reply({ to: 'greylisted@example.org' }), connection(), env);
    await expect(failure).rejects.toMatchObject({
      retryable: true,
      code: 'smtp_451',
      message:
        'The mail server asked to try again later: 4.7.1 Greylisted, please try again in 5 minutes.',
    });
  });

  it('retries when the mail server cannot be reached', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const failure = adapter.send(
      reply(),
      { ...connection({ smtpPort: String(closedPort) }), address: 'other@example.com' },
      env,
    );
    await expect(failure).rejects.toMatchObject({ retryable: true, code: 'network' });
  });

  it('asks an admin to set up an inbox that has no SMTP server', async () => {
    const failure = adapter.send(
      reply(),
      { address: 'bare@example.com', externalId: null, credentials: {} },
      env,
    );
    await expect(failure).rejects.toMatchObject({
      retryable: false,
      code: 'credentials',
      message: 'The inbox has no outgoing mail server (SMTP host) set.',
    });
  });
});
