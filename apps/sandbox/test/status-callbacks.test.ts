import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AUTH_TOKEN,
  BUSINESS_NUMBER,
  CUSTOMER_NUMBER,
  sdkClient,
  signatureOf,
  startReceiver,
  startSandbox,
  type Receiver,
  type RunningSandbox,
} from './helpers';

const UNREACHABLE = '+15005550009';
const SUSPENDED = '+15005550010';

describe('status callbacks', () => {
  let sandbox: RunningSandbox;
  let receiver: Receiver;

  beforeAll(async () => {
    sandbox = await startSandbox({ failNumbers: { [UNREACHABLE]: 30003, [SUSPENDED]: 30002 } });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await sandbox.app.close();
    await receiver.close();
  });
  afterEach(() => {
    receiver.received.length = 0;
  });

  it('posts sent then delivered, each signed over the exact callback URL', async () => {
    const statusCallback = `${receiver.url}/webhooks/twilio/inbox-1/status?attempt=1`;
    const message = await sdkClient(sandbox.url).messages.create({
      to: CUSTOMER_NUMBER,
      from: BUSINESS_NUMBER,
      body: 'Your order shipped',
      statusCallback,
    });
    const [sent, delivered] = await receiver.waitFor(2);

    expect(sent!.params).toEqual({
      SmsSid: message.sid,
      SmsStatus: 'sent',
      MessageStatus: 'sent',
      To: CUSTOMER_NUMBER,
      MessageSid: message.sid,
      AccountSid: message.accountSid,
      From: BUSINESS_NUMBER,
      ApiVersion: '2010-04-01',
    });
    expect(delivered!.params).toMatchObject({
      MessageSid: message.sid,
      SmsSid: message.sid,
      MessageStatus: 'delivered',
      SmsStatus: 'delivered',
      RawDlrDoneDate: expect.stringMatching(/^\d{10}$/) as string,
    });
    expect(delivered!.params.ErrorCode).toBeUndefined();
    for (const request of [sent!, delivered!]) {
      expect(request.url).toBe(statusCallback);
      expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(
        twilio.validateRequest(AUTH_TOKEN, signatureOf(request), request.url, request.params),
      ).toBe(true);
      expect(
        twilio.validateRequest('another-token', signatureOf(request), request.url, request.params),
      ).toBe(false);
    }

    const fetched = await sdkClient(sandbox.url).messages(message.sid).fetch();
    expect(fetched.status).toBe('delivered');
  });

  it('ends a message to a fail number as undelivered with its ErrorCode', async () => {
    const message = await sdkClient(sandbox.url).messages.create({
      to: UNREACHABLE,
      from: BUSINESS_NUMBER,
      body: 'hi',
      statusCallback: `${receiver.url}/status`,
    });
    const [sent, undelivered] = await receiver.waitFor(2);
    expect(sent!.params).toMatchObject({ MessageStatus: 'sent' });
    expect(sent!.params.ErrorCode).toBeUndefined();
    expect(undelivered!.params).toMatchObject({
      MessageSid: message.sid,
      MessageStatus: 'undelivered',
      SmsStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect(
      twilio.validateRequest(
        AUTH_TOKEN,
        signatureOf(undelivered!),
        undelivered!.url,
        undelivered!.params,
      ),
    ).toBe(true);
    const fetched = await sdkClient(sandbox.url).messages(message.sid).fetch();
    expect(fetched).toMatchObject({
      status: 'undelivered',
      errorCode: 30003,
      errorMessage: 'Unreachable destination handset',
    });
  });

  it('reports errors Twilio raises before sending as failed, without a sent callback', async () => {
    await sdkClient(sandbox.url).messages.create({
      to: SUSPENDED,
      from: BUSINESS_NUMBER,
      body: 'hi',
      statusCallback: `${receiver.url}/status`,
    });
    const [failed] = await receiver.waitFor(1);
    expect(failed!.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '30002' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(1);
  });

  it('makes numbers fail at runtime and forgets them again', async () => {
    const setFail = (errorCode: number | null) =>
      fetch(`${sandbox.url}/sandbox/twilio/fail-numbers`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ number: CUSTOMER_NUMBER, errorCode }),
      });
    expect((await setFail(30005)).status).toBe(200);
    const send = () =>
      sdkClient(sandbox.url).messages.create({
        to: CUSTOMER_NUMBER,
        from: BUSINESS_NUMBER,
        body: 'hi',
        statusCallback: `${receiver.url}/status`,
      });
    await send();
    const [, undelivered] = await receiver.waitFor(2);
    expect(undelivered!.params).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30005' });

    await setFail(null);
    receiver.received.length = 0;
    await send();
    const [, delivered] = await receiver.waitFor(2);
    expect(delivered!.params.MessageStatus).toBe('delivered');
  });

  it('keeps going when the callback URL does not answer', async () => {
    const message = await sdkClient(sandbox.url).messages.create({
      to: CUSTOMER_NUMBER,
      from: BUSINESS_NUMBER,
      body: 'hi',
      statusCallback: 'http://127.0.0.1:9/status',
    });
    await expect
      .poll(async () => (await sdkClient(sandbox.url).messages(message.sid).fetch()).status)
      .toBe('delivered');
  });
});
