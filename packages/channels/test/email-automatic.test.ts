import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterFor, parseEmail } from '../src/index';

const adapter = adapterFor('email');

const parseRaw = (raw: Buffer, envelopeFrom?: string) =>
  parseEmail(raw, {
    maxAttachmentBytes: 1024 * 1024,
    source: 'smtp',
    ...(envelopeFrom !== undefined ? { envelopeFrom } : {}),
  });

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/email/${name}.eml`, import.meta.url));

const withHeader = (header: string) =>
  Buffer.from(
    `From: a@example.com\r\nTo: support@example.com\r\nSubject: Hi\r\n${header}\r\n\r\nHello\r\n`,
  );

describe('mail sent by machines is marked automatic, so it is never answered automatically', () => {
  it.each([
    ['an auto-reply (Auto-Submitted: auto-replied)', 'auto-reply'],
    ['a mailing list (List-Id)', 'mailing-list'],
    ['bulk mail (Precedence: bulk)', 'precedence-bulk'],
    ['mail from the null sender (Return-Path: <>)', 'empty-return-path'],
    ['a bounce', 'dsn-bounce'],
    ['a report without the usual markers', 'dsn-headers-only'],
  ])('%s', async (_case, name) => {
    expect((await parseRaw(fixture(name))).automatic).toBe(true);
  });

  it.each([
    'X-Autoreply: yes',
    'X-Autorespond: Out of office',
    'Precedence: junk',
    'List-Unsubscribe: <mailto:leave@list.example>',
    'Auto-Submitted: auto-generated; owner-email="x@example.com"',
  ])('%s', async (header) => {
    expect((await parseRaw(withHeader(header))).automatic).toBe(true);
  });

  it('takes the null sender of an SMTP delivery as automatic', async () => {
    expect((await parseRaw(withHeader('X-Note: plain'), '')).automatic).toBe(true);
    expect((await parseRaw(withHeader('X-Note: plain'), 'a@example.com')).automatic).toBe(false);
  });

  it('leaves people alone, including Auto-Submitted: no and Precedence: first-class', async () => {
    expect((await parseRaw(fixture('gmail-reply'))).automatic).toBe(false);
    expect((await parseRaw(withHeader('Auto-Submitted: no'))).automatic).toBe(false);
    expect((await parseRaw(withHeader('Precedence: first-class'))).automatic).toBe(false);
  });

  it('still delivers an auto-reply to the conversation, flagged', async () => {
    const [event] = adapter.normalize(await parseRaw(fixture('auto-reply')), 'message');
    expect(event).toMatchObject({
      type: 'message',
      text: 'I am out of the office until 10 March with limited access to email.',
      metadata: { automatic: true },
      email: { automatic: true, inReplyTo: 'sb-1a2b3c4d@example.com' },
    });
  });
});

describe('bounces (RFC 3464 delivery status notifications)', () => {
  it('reads the failed recipient, status and reason, and the Message-ID of our mail', async () => {
    const stored = await parseRaw(fixture('dsn-bounce'));
    expect(stored.bounce).toEqual({
      originalMessageId: 'sb-out-42@example.com',
      reason:
        '550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
      statusCode: '5.1.1',
    });
    // The returned copy of our own mail is not a customer's file.
    expect(stored.attachments).toEqual([]);
    expect(adapter.normalize(stored, 'message')).toEqual([
      {
        type: 'bounce',
        originalMessageId: 'sb-out-42@example.com',
        reason:
          '550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
        statusCode: '5.1.1',
      },
    ]);
  });

  it('uses the returned headers and the human-readable part when there is no Diagnostic-Code', async () => {
    const stored = await parseRaw(fixture('dsn-headers-only'));
    expect(stored.bounce).toEqual({
      originalMessageId: 'sb-out-43@example.com',
      reason:
        "Your message to pat@contoso.example couldn't be delivered. The recipient's mailbox is full and can't accept messages now.",
      statusCode: '5.2.2',
    });
  });

  it('treats a delay notice as no failure and no message', async () => {
    const stored = await parseRaw(fixture('dsn-delayed'));
    expect(stored.deliveryReport).toBe(true);
    expect(stored.bounce).toBeNull();
    expect(adapter.normalize(stored, 'message')).toEqual([]);
  });
});
