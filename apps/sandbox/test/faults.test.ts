import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BUSINESS_NUMBER,
  CUSTOMER_NUMBER,
  sdkClient,
  startSandbox,
  type RunningSandbox,
} from './helpers';

describe('faults', () => {
  let sandbox: RunningSandbox;
  const arm = (fault: Record<string, unknown>) =>
    fetch(`${sandbox.url}/sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
  const send = () =>
    sdkClient(sandbox.url).messages.create({
      to: CUSTOMER_NUMBER,
      from: BUSINESS_NUMBER,
      body: 'hi',
    });

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.app.close());
  beforeEach(() => fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' }));

  it('answers 429 once, then lets the next call through', async () => {
    expect((await arm({ status: 429, code: 20429, retryAfterSeconds: 2 })).status).toBe(201);
    const client = sdkClient(sandbox.url);
    await expect(
      client.messages.create({ to: CUSTOMER_NUMBER, from: BUSINESS_NUMBER, body: 'hi' }),
    ).rejects.toMatchObject({ status: 429, code: 20429, message: 'Too Many Requests' });
    expect(client.httpClient.lastResponse!.headers).toMatchObject({ 'retry-after': '2' });
    const message = await send();
    expect(message.status).toBe('queued');
  });

  it('answers a faked 400 with the given message for `count` calls', async () => {
    await arm({
      status: 400,
      code: 21211,
      message: "The 'To' number +1555 is not a valid phone number.",
      count: 2,
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(send()).rejects.toMatchObject({
        status: 400,
        code: 21211,
        message: "The 'To' number +1555 is not a valid phone number.",
        moreInfo: 'https://www.twilio.com/docs/errors/21211',
      });
    }
    await expect(send()).resolves.toMatchObject({ status: 'queued' });
  });

  it('forgets armed faults on DELETE', async () => {
    await arm({ status: 503, code: 20503, count: 5 });
    expect((await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' })).status).toBe(204);
    await expect(send()).resolves.toMatchObject({ status: 'queued' });
  });

  it('does not spend a fault on a request that fails authentication', async () => {
    await arm({ status: 500, code: 20500 });
    const stranger = sdkClient(sandbox.url, undefined, 'wrong-token');
    await expect(
      stranger.messages.create({ to: CUSTOMER_NUMBER, from: BUSINESS_NUMBER, body: 'hi' }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(send()).rejects.toMatchObject({ status: 500, code: 20500 });
  });

  it('rejects a malformed fault in Switchboard’s error shape', async () => {
    const answer = await arm({ status: 200, code: 1 });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      error: {
        code: 'invalid_input',
        message: expect.stringContaining('status') as string,
        requestId: expect.any(String) as string,
      },
    });
  });
});
