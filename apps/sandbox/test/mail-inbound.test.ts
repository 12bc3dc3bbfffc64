import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_ADDRESS,
  emptyMailboxes,
  mailbox,
  REPLY_TO_ADDRESS,
  sendAsSwitchboard,
  SUPPORT_ADDRESS,
  useMailWorld,
  waitForMailbox,
} from './mail-helpers';

describe('mail Switchboard sends to customers', () => {
  const world = useMailWorld();

  it('lands in each recipient’s mailbox with its headers', async () => {
    const sent = await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: [CUSTOMER_ADDRESS, 'alex@customer.test'],
      subject: 'Re: Order 1234 never arrived [SB-7K3Q9]',
      text: 'It ships today.',
      html: '<p>It ships <b>today</b>.</p><img src="https://tracker.example/p.gif">',
      replyTo: REPLY_TO_ADDRESS,
      messageId: '<answer-1@demo.test>',
      inReplyTo: '<question-1@customer.test>',
      references: ['<question-1@customer.test>'],
      headers: { 'Auto-Submitted': 'no', 'X-Auto-Response-Suppress': 'OOF, AutoReply' },
    });
    expect(sent.response).toMatch(/^250 OK: queued as /);

    const [item] = await mailbox(world.sandbox.url, CUSTOMER_ADDRESS);
    expect(item).toMatchObject({
      direction: 'in',
      messageId: '<answer-1@demo.test>',
      inReplyTo: '<question-1@customer.test>',
      references: ['<question-1@customer.test>'],
      from: SUPPORT_ADDRESS,
      fromName: 'Demo Support',
      to: [CUSTOMER_ADDRESS, 'alex@customer.test'],
      replyTo: REPLY_TO_ADDRESS,
      subject: 'Re: Order 1234 never arrived [SB-7K3Q9]',
      text: 'It ships today.',
      html: expect.stringContaining('<b>today</b>'),
      envelope: { from: SUPPORT_ADDRESS, to: [CUSTOMER_ADDRESS, 'alex@customer.test'] },
      delivery: null,
    });
    expect(item.headers).toMatchObject({
      'auto-submitted': 'no',
      'x-auto-response-suppress': 'OOF, AutoReply',
      'reply-to': REPLY_TO_ADDRESS,
    });
    expect(new Date(item.date).getTime()).not.toBeNaN();
    expect(await mailbox(world.sandbox.url, 'alex@customer.test')).toHaveLength(1);
    // Addresses are matched without regard to case.
    expect(await mailbox(world.sandbox.url, 'SAM@Customer.test')).toHaveLength(1);

    const raw = await fetch(`${world.sandbox.url}/sandbox/mail/messages/${item.id}/raw`);
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect((await simpleParser(Buffer.from(await raw.arrayBuffer()))).messageId).toBe(
      '<answer-1@demo.test>',
    );

    await emptyMailboxes(world.sandbox.url);
    expect(await mailbox(world.sandbox.url, CUSTOMER_ADDRESS)).toEqual([]);
  });

  it('bounces mail to bounce.test with an RFC 3464 report to the envelope sender', async () => {
    await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: 'ghost@bounce.test',
      subject: 'Your ticket [SB-7K3Q9]',
      text: 'We answered your question.',
      messageId: '<answer-2@demo.test>',
      envelopeFrom: 'bounces+answer-2@demo.test',
    });
    const [dsn] = await world.listener.waitFor(1);
    expect(dsn!.envelope).toEqual({ from: '', to: ['bounces+answer-2@demo.test'] });
    const parsed = dsn!.parsed;
    const contentType = parsed.headers.get('content-type') as {
      value: string;
      params: Record<string, string>;
    };
    expect(contentType.value).toBe('multipart/report');
    expect(contentType.params['report-type']).toBe('delivery-status');
    expect(parsed.from?.value[0]?.address).toMatch(/^MAILER-DAEMON@/);
    expect(parsed.to).toMatchObject({ value: [{ address: 'bounces+answer-2@demo.test' }] });
    expect(parsed.subject).toBe('Undelivered Mail Returned to Sender');

    const raw = dsn!.raw.toString('utf8');
    expect(raw).toMatch(/Content-Type: message\/delivery-status/);
    expect(raw).toMatch(/Final-Recipient: rfc822; ghost@bounce\.test/);
    expect(raw).toMatch(/Action: failed/);
    expect(raw).toMatch(/Status: 5\.1\.1/);
    expect(raw).toMatch(/Diagnostic-Code: smtp; 550 5\.1\.1 user unknown/);
    const headersPart = parsed.attachments.find(
      (part) => part.contentType === 'text/rfc822-headers',
    );
    expect(headersPart?.content.toString()).toMatch(/^Message-ID: <answer-2@demo\.test>$/im);
    // An unknown user has no mailbox.
    expect(await mailbox(world.sandbox.url, 'ghost@bounce.test')).toEqual([]);
  });

  it('never bounces a bounce', async () => {
    await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: 'ghost@bounce.test',
      subject: 'Undeliverable',
      text: 'A report.',
      envelopeFrom: '',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(world.listener.received).toHaveLength(0);
  });

  it('answers mail to vacation.test with an automatic out-of-office reply', async () => {
    await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: 'dana@vacation.test',
      subject: 'Re: Refund [SB-7K3Q9]',
      text: 'Your refund is on its way.',
      replyTo: REPLY_TO_ADDRESS,
      messageId: '<answer-3@demo.test>',
      references: ['<question-3@vacation.test>'],
    });
    const [autoReply] = await world.listener.waitFor(1);
    expect(autoReply!.envelope).toEqual({ from: 'dana@vacation.test', to: [REPLY_TO_ADDRESS] });
    const parsed = autoReply!.parsed;
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(parsed.inReplyTo).toBe('<answer-3@demo.test>');
    expect(parsed.references).toEqual(['<question-3@vacation.test>', '<answer-3@demo.test>']);
    expect(parsed.subject).toBe('Automatic reply: Re: Refund [SB-7K3Q9]');
    expect(parsed.text).toMatch(/I'm out of office/);

    const items = await waitForMailbox(world.sandbox.url, 'dana@vacation.test', 2);
    expect(items.map((item) => item.direction)).toEqual(['in', 'out']);
    expect(items[1].headers['auto-submitted']).toBe('auto-replied');
  });

  it('does not answer automatic mail, so two responders never ping-pong', async () => {
    await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: 'dana@vacation.test',
      subject: 'We received your message [SB-7K3Q9]',
      text: 'Thanks, we will answer soon.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await sendAsSwitchboard(world.sandbox.smtpPort, {
      to: 'dana@vacation.test',
      subject: 'Newsletter',
      text: 'News.',
      headers: { Precedence: 'bulk' },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(world.listener.received).toHaveLength(0);
    expect(await mailbox(world.sandbox.url, 'dana@vacation.test')).toHaveLength(2);
  });
});
