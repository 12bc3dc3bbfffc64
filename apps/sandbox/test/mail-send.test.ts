import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_ADDRESS,
  mailbox,
  postJson,
  startMailListener,
  startMailSandbox,
  SUPPORT_ADDRESS,
  useMailWorld,
} from './mail-helpers';

describe('a customer writes to the business', () => {
  const world = useMailWorld();

  it('delivers a standards-compliant message to Switchboard’s listener', async () => {
    const answer = await postJson(`${world.sandbox.url}/sandbox/mail/send`, {
      from: CUSTOMER_ADDRESS,
      fromName: 'Sam Jones',
      to: SUPPORT_ADDRESS,
      subject: 'Order 1234 never arrived',
      text: 'Hello,\nmy order never arrived.\n',
      html: '<p>Hello,<br>my order never arrived.</p>',
      references: ['<earlier@customer.test>'],
      inReplyTo: 'earlier@customer.test',
      headers: { 'X-Customer-Tag': 'vip' },
      attachments: [
        {
          fileName: 'receipt.txt',
          contentType: 'text/plain',
          dataBase64: Buffer.from('paid').toString('base64'),
        },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: true, response: expect.stringMatching(/^250 /) });
    expect(answer.body.messageId).toMatch(/^<[^<>@]+@customer\.test>$/);

    const [mail] = await world.listener.waitFor(1);
    expect(mail!.envelope).toEqual({ from: CUSTOMER_ADDRESS, to: [SUPPORT_ADDRESS] });
    const parsed = mail!.parsed;
    expect(parsed.messageId).toBe(answer.body.messageId);
    expect(parsed.from?.value).toEqual([{ address: CUSTOMER_ADDRESS, name: 'Sam Jones' }]);
    expect(parsed.subject).toBe('Order 1234 never arrived');
    expect(parsed.text).toBe('Hello,\nmy order never arrived.\n');
    expect(parsed.html).toContain('my order never arrived');
    expect(parsed.inReplyTo).toBe('<earlier@customer.test>');
    expect(parsed.references).toBe('<earlier@customer.test>');
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.headers.get('x-customer-tag')).toBe('vip');
    expect(parsed.attachments.map((file) => [file.filename, file.content.toString()])).toEqual([
      ['receipt.txt', 'paid'],
    ]);

    const [stored] = await mailbox(world.sandbox.url, CUSTOMER_ADDRESS);
    expect(stored).toMatchObject({
      direction: 'out',
      messageId: answer.body.messageId,
      from: CUSTOMER_ADDRESS,
      fromName: 'Sam Jones',
      to: [SUPPORT_ADDRESS],
      subject: 'Order 1234 never arrived',
      attachments: [{ fileName: 'receipt.txt', contentType: 'text/plain', size: 4 }],
      delivery: { accepted: true },
    });
  });

  it('answers with the listener’s refusal, and 502 when nothing listens', async () => {
    world.listener.refuse = { code: 550, message: 'No such inbox here' };
    const refused = await postJson(`${world.sandbox.url}/sandbox/mail/send`, {
      from: CUSTOMER_ADDRESS,
      to: 'nobody@demo.test',
      subject: 'Hello',
      text: 'Anyone?',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ accepted: false });
    expect(refused.body.response).toMatch(/^550 .*No such inbox here/);

    const closed = await startMailListener();
    await closed.close();
    const unreachable = await startMailSandbox(closed.port);
    try {
      const answer = await postJson(`${unreachable.url}/sandbox/mail/send`, {
        from: CUSTOMER_ADDRESS,
        to: SUPPORT_ADDRESS,
        subject: 'Hello',
        text: 'Anyone?',
      });
      expect(answer.status).toBe(502);
      expect(answer.body).toMatchObject({
        accepted: false,
        response: null,
        error: { code: 'switchboard_unreachable' },
      });
      const [stored] = await mailbox(unreachable.url, CUSTOMER_ADDRESS);
      expect(stored.delivery).toMatchObject({ accepted: false });
    } finally {
      await unreachable.app.close();
    }
  });

  it('delivers raw MIME byte for byte, malformed or not', async () => {
    const raw = Buffer.from(
      'From: Sam <sam@customer.test>\r\nTo: support@demo.test\r\nSubject: broken\r\n' +
        'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\n' +
        'Content-Type: text/plain; charset=bogus-charset\r\n\r\n\xff\xfe half a part',
      'latin1',
    );
    const answer = await postJson(`${world.sandbox.url}/sandbox/mail/raw`, {
      to: SUPPORT_ADDRESS,
      dataBase64: raw.toString('base64'),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(true);
    const [mail] = await world.listener.waitFor(1);
    expect(mail!.envelope).toEqual({ from: CUSTOMER_ADDRESS, to: [SUPPORT_ADDRESS] });
    // SMTP ends every line with CRLF; the bytes are otherwise the ones given.
    expect(mail!.raw.toString('latin1').trimEnd()).toBe(raw.toString('latin1').trimEnd());
  });

  it('refuses requests that are not mail, in the sandbox’s error shape', async () => {
    const answer = await postJson(`${world.sandbox.url}/sandbox/mail/send`, {
      from: 'not an address',
      to: SUPPORT_ADDRESS,
      subject: 'Hi',
      text: 'Hi',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'invalid_input',
      requestId: expect.any(String),
    });
    expect(answer.body.error.message).toMatch(/^from: /);

    const injected = await postJson(`${world.sandbox.url}/sandbox/mail/send`, {
      from: CUSTOMER_ADDRESS,
      to: SUPPORT_ADDRESS,
      subject: 'Hi\r\nBcc: someone@else.test',
      text: 'Hi',
    });
    expect(injected.status).toBe(400);
    expect(world.listener.received).toHaveLength(0);
  });
});
