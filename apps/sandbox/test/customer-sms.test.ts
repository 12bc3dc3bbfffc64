import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  BUSINESS_NUMBER,
  CUSTOMER_NUMBER,
  signatureOf,
  startReceiver,
  startSandbox,
  type Receiver,
  type RunningSandbox,
} from './helpers';

/** The incoming-message webhook fields Twilio documents, in the order it sends them. */
const documentedFields = [
  'ToCountry',
  'ToState',
  'SmsMessageSid',
  'NumMedia',
  'ToCity',
  'FromZip',
  'SmsSid',
  'FromState',
  'SmsStatus',
  'FromCity',
  'Body',
  'FromCountry',
  'To',
  'ToZip',
  'NumSegments',
  'MessageSid',
  'AccountSid',
  'From',
  'ApiVersion',
];

describe('customer texts in', () => {
  let sandbox: RunningSandbox;
  let receiver: Receiver;
  let smsUrl: string;

  const text = (input: Record<string, unknown>) =>
    fetch(`${sandbox.url}/sandbox/twilio/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  const thread = async () =>
    (await (
      await fetch(
        `${sandbox.url}/sandbox/twilio/thread?${new URLSearchParams({ customer: CUSTOMER_NUMBER, business: BUSINESS_NUMBER }).toString()}`,
      )
    ).json()) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    smsUrl = `${receiver.url}/webhooks/twilio/inbox-1`;
    sandbox = await startSandbox({ smsUrl });
  });
  afterAll(async () => {
    await sandbox.app.close();
    await receiver.close();
  });
  afterEach(async () => {
    receiver.received.length = 0;
    receiver.answer = { status: 200, contentType: 'text/xml', body: '<Response/>' };
    await fetch(`${sandbox.url}/sandbox/twilio/messages`, { method: 'DELETE' });
  });

  it('posts a signed incoming-message webhook with Twilio’s documented fields', async () => {
    const answer = await text({
      from: CUSTOMER_NUMBER,
      to: BUSINESS_NUMBER,
      body: 'Hola, ¿mi pedido?',
    });
    expect(answer.status).toBe(200);
    const { messageSid, status } = (await answer.json()) as { messageSid: string; status: number };
    expect(status).toBe(200);
    expect(messageSid).toMatch(/^SM[0-9a-f]{32}$/);

    const [request] = await receiver.waitFor(1);
    expect(request!.url).toBe(smsUrl);
    expect(Object.keys(request!.params)).toEqual(documentedFields);
    expect(request!.params).toMatchObject({
      MessageSid: messageSid,
      SmsSid: messageSid,
      SmsMessageSid: messageSid,
      AccountSid: ACCOUNT_SID,
      From: CUSTOMER_NUMBER,
      To: BUSINESS_NUMBER,
      Body: 'Hola, ¿mi pedido?',
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      FromCountry: 'US',
      ToCountry: 'US',
      ApiVersion: '2010-04-01',
    });
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(twilio.validateRequest(AUTH_TOKEN, signatureOf(request!), smsUrl, request!.params)).toBe(
      true,
    );
    expect(
      twilio.validateRequest(AUTH_TOKEN, signatureOf(request!), `${smsUrl}/other`, request!.params),
    ).toBe(false);
  });

  it('sends media as MediaUrlN / MediaContentTypeN with an MM sid', async () => {
    await text({
      from: CUSTOMER_NUMBER,
      to: BUSINESS_NUMBER,
      body: '',
      mediaUrls: ['https://example.com/receipt.jpg', 'https://example.com/invoice.pdf'],
    });
    const [request] = await receiver.waitFor(1);
    expect(request!.params).toMatchObject({
      NumMedia: '2',
      MediaUrl0: 'https://example.com/receipt.jpg',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://example.com/invoice.pdf',
      MediaContentType1: 'application/pdf',
    });
    expect(request!.params.MessageSid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(twilio.validateRequest(AUTH_TOKEN, signatureOf(request!), smsUrl, request!.params)).toBe(
      true,
    );
  });

  it('reports the status the app answered and keeps the text in the thread', async () => {
    receiver.answer = { status: 500, contentType: 'text/plain', body: 'boom' };
    const answer = (await (
      await text({ from: CUSTOMER_NUMBER, to: BUSINESS_NUMBER, body: 'hi' })
    ).json()) as {
      status: number;
    };
    expect(answer.status).toBe(500);
    expect(await thread()).toEqual([
      expect.objectContaining({
        direction: 'out',
        body: 'hi',
        status: 'received',
        webhookStatus: 500,
      }),
    ]);
  });

  it('sends TwiML <Message> replies back to the customer', async () => {
    receiver.answer = {
      status: 200,
      contentType: 'text/xml',
      body: '<?xml version="1.0"?><Response><Message>Thanks &amp; welcome!</Message></Response>',
    };
    await text({ from: CUSTOMER_NUMBER, to: BUSINESS_NUMBER, body: 'hi' });
    await expect
      .poll(async () =>
        (await thread()).map((entry) => [entry.direction, entry.body, entry.status]),
      )
      .toEqual([
        ['out', 'hi', 'received'],
        ['in', 'Thanks & welcome!', 'delivered'],
      ]);
  });

  it('answers 404 for a number the sandbox does not know, and 400 for bad input', async () => {
    const unknown = await text({ from: CUSTOMER_NUMBER, to: '+15005559999', body: 'hi' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const invalid = await text({ from: 'me', to: BUSINESS_NUMBER, body: 'hi' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'invalid_input' } });
    expect(receiver.received).toHaveLength(0);
  });

  it('answers 502 when the app cannot be reached', async () => {
    await fetch(`${sandbox.url}/sandbox/twilio/numbers`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        number: '+15005550020',
        accountSid: ACCOUNT_SID,
        smsUrl: 'http://127.0.0.1:9/down',
      }),
    });
    const answer = await text({ from: CUSTOMER_NUMBER, to: '+15005550020', body: 'anyone?' });
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ status: null, error: { code: 'app_unreachable' } });
  });
});
