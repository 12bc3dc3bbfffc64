import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addressWithToken,
  adapterFor,
  ChannelError,
  parseEmail,
  replyToken,
  type InboundMessageEvent,
} from '../src/index';

const adapter = adapterFor('email');

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/email/${name}.eml`, import.meta.url));

/** What the worker does: read the stored payload back from Postgres, then normalize it. */
async function normalized(raw: Buffer, envelopeTo?: string[]): Promise<InboundMessageEvent> {
  const stored = await parseEmail(raw, {
    maxAttachmentBytes: 1024,
    source: envelopeTo ? 'smtp' : 'imap',
    ...(envelopeTo ? { envelopeTo } : {}),
  });
  const events = adapter.normalize(JSON.parse(JSON.stringify(stored)), 'message');
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.type !== 'message') throw new Error(`expected a message, got ${event?.type}`);
  return event;
}

const withDate = (date: string) =>
  Buffer.from(
    `From: a@example.com\r\nTo: support@example.com\r\nSubject: Hi\r\nDate: ${date}\r\n\r\nHello\r\n`,
  );

describe('email adapter: normalize', () => {
  it('turns a Gmail reply into a message with its thread headers and rendered body', async () => {
    const event = await normalized(fixture('gmail-reply'));
    expect(event).toEqual({
      type: 'message',
      providerMessageId: 'CAF1x9s0HkN_7gQk2+yq=VZkq1pY4mE-0dG4wFq@mail.gmail.com',
      from: { kind: 'email', address: 'maria.garcia@gmail.com', displayName: 'María García' },
      to: 'support@example.com',
      text: 'Thanks! The tracking link works now.\n\nMaría',
      attachments: [],
      occurredAt: new Date('2025-03-03T10:15:42.000Z'),
      metadata: { automatic: false, cc: [] },
      email: {
        messageId: 'CAF1x9s0HkN_7gQk2+yq=VZkq1pY4mE-0dG4wFq@mail.gmail.com',
        inReplyTo: 'sb-1a2b3c4d@example.com',
        references: ['sb-1a2b3c4d@example.com'],
        subject: 'Re: Your order 1234 [SB-7K3Q9]',
        html: expect.stringContaining('Thanks! The tracking link works now.'),
        quoted: expect.stringContaining('Your order 1234 has shipped.'),
        recipients: ['support@example.com', 'support+sb-7k3q9-4f1a2b3c@example.com'],
        automatic: false,
      },
    });
  });

  it('addresses the message to the SMTP envelope recipient when the listener took it', async () => {
    const event = await normalized(fixture('gmail-reply'), ['inbox-1@forward.example']);
    expect(event.to).toBe('inbox-1@forward.example');
    expect(event.email?.recipients[0]).toBe('inbox-1@forward.example');
  });

  it('hands over file bytes, the Content-ID of inline pictures, and refused files', async () => {
    const inline = await normalized(fixture('inline-image-and-attachment'));
    expect(inline.attachments[0]).toMatchObject({
      url: 'cid:logo@example.com',
      contentType: 'image/png',
      fileName: 'logo.png',
    });
    expect(inline.attachments[0]?.data?.subarray(1, 4).toString()).toBe('PNG');
    const oversized = await normalized(fixture('oversized-attachment'));
    expect(oversized.attachments).toEqual([
      {
        url: '',
        contentType: 'application/x-gzip',
        fileName: 'server.log.gz',
        refused: 'Not kept: the file is 4 KB and this inbox accepts files up to 1 KB.',
      },
      {
        url: '',
        contentType: 'text/plain',
        fileName: 'note.txt',
        data: Buffer.from('short note\r\n'),
      },
    ]);
  });

  it('keeps malformed mail as a message with the reason for the agent', async () => {
    const event = await normalized(fixture('malformed-boundary'));
    expect(event.text).toContain('I cannot log in since yesterday.');
    expect(event.email?.malformed).toMatch(/boundary never appears/);
    expect(event.metadata.malformed).toBe(event.email?.malformed);
  });

  it('produces nothing for mail without any sender to answer', async () => {
    const stored = await parseEmail(fixture('garbage'), { maxAttachmentBytes: 1, source: 'imap' });
    expect(adapter.normalize(stored, 'message')).toEqual([]);
  });

  it('believes the Date header only when it is plausible', async () => {
    const future = new Date(Date.now() + 60 * 60_000).toUTCString();
    expect((await normalized(withDate(future))).occurredAt).toBeUndefined();
    expect(
      (await normalized(withDate('Sat, 1 Jan 1980 10:00:00 +0000'))).occurredAt,
    ).toBeUndefined();
    expect((await normalized(withDate('Tue, 4 Mar 2025 10:00:00 +0100'))).occurredAt).toEqual(
      new Date('2025-03-04T09:00:00Z'),
    );
  });

  it('refuses a stored payload that is not a parsed email', () => {
    expect(() => adapter.normalize({ Body: 'hi' }, 'message')).toThrow(/not a parsed email/);
  });
});

describe('email adapter: the rest of the channel face', () => {
  it('has no signature to verify: the mailbox login and the listener are the trust boundary', () => {
    const request = { body: Buffer.from(''), headers: {}, fields: {}, url: '' };
    const connection = { address: 'support@example.com', externalId: null, credentials: {} };
    expect(adapter.verify(request, connection)).toEqual({ ok: true });
  });

  it('cannot look up sent mail and never downloads attachments', async () => {
    const connection = { address: 'support@example.com', externalId: null, credentials: {} };
    const env = { twilioApiBase: '', metaGraphBase: '' };
    const message = { id: 'm1', to: 'a@example.com', text: 'Hi', statusCallbackUrl: '' };
    await expect(adapter.findSent(message, connection, env, new Date())).resolves.toBeNull();
    const download = adapter.fetchMedia('cid:logo@example.com', connection, env, 1024);
    await expect(download).rejects.toBeInstanceOf(ChannelError);
    await expect(download).rejects.toMatchObject({ retryable: false });
  });
});

describe('reply tokens', () => {
  it('reads local+token@domain, lower-cased', () => {
    expect(replyToken('Support+SB-7K3Q9-4F1A2B3C@Example.com')).toEqual({
      local: 'support',
      token: 'sb-7k3q9-4f1a2b3c',
      domain: 'example.com',
    });
    expect(replyToken('support@example.com')).toEqual({
      local: 'support',
      token: null,
      domain: 'example.com',
    });
  });

  it('puts a token into an inbox address, replacing any there was', () => {
    expect(addressWithToken('Support@Example.com', 'SB-7K3Q9-4F1A2B3C')).toBe(
      'support+sb-7k3q9-4f1a2b3c@example.com',
    );
    expect(addressWithToken('support+old@example.com', 'new')).toBe('support+new@example.com');
    const token = replyToken(addressWithToken('help@example.org', 'sb-abcde-12345678')).token;
    expect(token).toBe('sb-abcde-12345678');
  });
});
