import type { ParsedMail } from 'mailparser';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CUSTOMER_ADDRESS,
  mailbox,
  postJson,
  REPLY_TO_ADDRESS,
  sendAsSwitchboard,
  SUPPORT_ADDRESS,
  useMailWorld,
} from './mail-helpers';

const ORIGINAL_ID = '<answer-9@demo.test>';
const EARLIER_ID = '<question-9@customer.test>';
const SUBJECT = 'Re: Order 1234 never arrived [SB-7K3Q9]';

describe('a customer replies from their mail client', () => {
  const world = useMailWorld();

  beforeEach(async () => {
    await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: CUSTOMER_ADDRESS,
      subject: SUBJECT,
      text: 'It ships today.\nTracking: 1Z999',
      html: '<p>It ships today.<br>Tracking: 1Z999</p>',
      replyTo: REPLY_TO_ADDRESS,
      messageId: ORIGINAL_ID,
      inReplyTo: EARLIER_ID,
      references: [EARLIER_ID],
    });
  });

  async function replyWith(client: string, text = 'Thanks, got it.'): Promise<ParsedMail> {
    const answer = await postJson(`${world.sandbox.url}/sandbox/mail/reply`, {
      messageId: ORIGINAL_ID,
      from: CUSTOMER_ADDRESS,
      fromName: 'Sam Jones',
      text,
      client,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(true);
    const [mail] = await world.listener.waitFor(1);
    // Switchboard's token travels in Reply-To; the reply goes there, not to From.
    expect(mail!.envelope).toEqual({ from: CUSTOMER_ADDRESS, to: [REPLY_TO_ADDRESS] });
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: REPLY_TO_ADDRESS }] });
    expect(mail!.parsed.messageId).toBe(answer.body.messageId);
    return mail!.parsed;
  }

  it('Gmail: In-Reply-To and References name the original, quoted in div.gmail_quote', async () => {
    const parsed = await replyWith('gmail');
    expect(parsed.subject).toBe(SUBJECT);
    expect(parsed.messageId).toMatch(/^<CA[A-Za-z0-9]+@mail\.gmail\.com>$/);
    expect(parsed.inReplyTo).toBe(ORIGINAL_ID);
    expect(parsed.references).toEqual([EARLIER_ID, ORIGINAL_ID]);
    expect(parsed.html).toContain('<div class="gmail_quote">');
    expect(parsed.html).toContain('Tracking: 1Z999');
    expect(parsed.text).toMatch(
      /^Thanks, got it\.\n\nOn .+ Demo Support <support@demo\.test> wrote:\n\n> It ships today\.\n> Tracking: 1Z999/,
    );
  });

  it('Outlook: a new In-Reply-To, References keeps the original, a Spanish header block', async () => {
    const parsed = await replyWith('outlook');
    expect(parsed.subject).toBe(`RE: ${SUBJECT.replace(/^Re: /, '')}`);
    expect(parsed.subject).toContain('[SB-7K3Q9]');
    expect(parsed.inReplyTo).toMatch(/@[A-Z0-9]+\.namprd12\.prod\.outlook\.com>$/);
    expect(parsed.inReplyTo).not.toBe(ORIGINAL_ID);
    expect(parsed.references).toEqual([EARLIER_ID, ORIGINAL_ID]);
    expect(parsed.headers.get('thread-topic')).toBe('Order 1234 never arrived [SB-7K3Q9]');
    expect(parsed.headers.get('thread-index')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(parsed.html).toContain('<div id="divRplyFwdMsg"');
    expect(parsed.html).toContain('<b>De:</b> Demo Support &lt;support@demo.test&gt;');
    expect(parsed.html).toMatch(/<b>Enviado:<\/b> [a-záéíóú]+, \d+ de [a-z]+ de \d{4}/);
    expect(parsed.text).toMatch(/\nDe: Demo Support <support@demo\.test>\nEnviado: /);
  });

  it('Apple Mail: quoted in blockquote type="cite"', async () => {
    const parsed = await replyWith('apple');
    expect(parsed.subject).toBe(SUBJECT);
    expect(parsed.messageId).toMatch(/^<[0-9A-F-]{36}@customer\.test>$/);
    expect(parsed.inReplyTo).toBe(ORIGINAL_ID);
    expect(parsed.references).toEqual([EARLIER_ID, ORIGINAL_ID]);
    expect(parsed.html).toContain('<blockquote type="cite">');
    expect(parsed.text).toMatch(/> On .+, Demo Support <support@demo\.test> wrote:/);
    expect(parsed.headers.get('x-mailer')).toMatch(/^Apple Mail/);
  });

  it('a plain-text client: > lines and no HTML part', async () => {
    const parsed = await replyWith('plain', 'Thanks!\n\nSam');
    expect(parsed.subject).toBe(SUBJECT);
    expect(parsed.inReplyTo).toBe(ORIGINAL_ID);
    expect(parsed.references).toEqual([EARLIER_ID, ORIGINAL_ID]);
    expect(parsed.html).toBe(false);
    expect(parsed.text).toMatch(
      /^Thanks!\n\nSam\n\nOn .+ wrote:\n> It ships today\.\n> Tracking: 1Z999/,
    );
  });

  it('adds Re: to a subject that has none and replies to From without a Reply-To', async () => {
    await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: CUSTOMER_ADDRESS,
      subject: 'Your ticket [SB-AAAAA]',
      text: 'We are on it.',
      messageId: '<notice@demo.test>',
    });
    const answer = await postJson(`${world.sandbox.url}/sandbox/mail/reply`, {
      messageId: 'notice@demo.test',
      from: CUSTOMER_ADDRESS,
      text: 'Great',
      client: 'gmail',
    });
    expect(answer.body.accepted).toBe(true);
    const [mail] = await world.listener.waitFor(1);
    expect(mail!.envelope.to).toEqual([SUPPORT_ADDRESS]);
    expect(mail!.parsed.subject).toBe('Re: Your ticket [SB-AAAAA]');
    expect(mail!.parsed.references).toBe('<notice@demo.test>');

    const items = await mailbox(world.sandbox.url, CUSTOMER_ADDRESS);
    expect(items.map((item) => item.direction)).toEqual(['in', 'in', 'out']);
  });

  it('answers 404 for a message the customer never received', async () => {
    const answer = await postJson(`${world.sandbox.url}/sandbox/mail/reply`, {
      messageId: ORIGINAL_ID,
      from: 'someone-else@customer.test',
      text: 'Hi',
      client: 'outlook',
    });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not_found');
  });
});
