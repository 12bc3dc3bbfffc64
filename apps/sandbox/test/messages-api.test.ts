import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  BUSINESS_NUMBER,
  CUSTOMER_NUMBER,
  OTHER_ACCOUNT_SID,
  sdkClient,
  startSandbox,
  type RunningSandbox,
} from './helpers';
import { messageSchemaViolations } from './twilio-spec';

async function postForm(
  url: string,
  form: Record<string, string>,
  auth = `${ACCOUNT_SID}:${AUTH_TOKEN}`,
) {
  const response = await fetch(`${url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Twilio Messages API', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.app.close());
  beforeEach(() => fetch(`${sandbox.url}/sandbox/twilio/messages`, { method: 'DELETE' }));

  it('creates a message through the twilio SDK with every property of the spec schema', async () => {
    const client = sdkClient(sandbox.url);
    await client.messages.create({ to: CUSTOMER_NUMBER, from: BUSINESS_NUMBER, body: 'Hello! 👍' });
    const response = client.httpClient.lastResponse!;
    expect(response.statusCode).toBe(201);
    const resource = response.body as unknown as Record<string, unknown>;

    expect(messageSchemaViolations(resource)).toEqual([]);
    expect(resource).toMatchObject({
      account_sid: ACCOUNT_SID,
      api_version: '2010-04-01',
      body: 'Hello! 👍',
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: BUSINESS_NUMBER,
      to: CUSTOMER_NUMBER,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      status: 'queued',
    });
    const sid = resource.sid as string;
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(resource.uri).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}.json`);
    expect(resource.subresource_uris).toEqual({
      media: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}/Media.json`,
      feedback: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}/Feedback.json`,
    });
  });

  it('counts GSM-7 and UCS-2 segments the way carriers bill them', async () => {
    const client = sdkClient(sandbox.url);
    const send = (body: string) =>
      client.messages.create({ to: CUSTOMER_NUMBER, from: BUSINESS_NUMBER, body });
    expect((await send('a'.repeat(160))).numSegments).toBe('1');
    expect((await send('a'.repeat(161))).numSegments).toBe('2');
    expect((await send('€'.repeat(80))).numSegments).toBe('1');
    expect((await send('€'.repeat(81))).numSegments).toBe('2');
    expect((await send('ñ'.repeat(160))).numSegments).toBe('1');
    expect((await send('ç'.repeat(70))).numSegments).toBe('1');
    expect((await send('ç'.repeat(71))).numSegments).toBe('2');
    expect((await send('😀'.repeat(35))).numSegments).toBe('1');
    expect((await send('😀'.repeat(36))).numSegments).toBe('2');
  });

  it('sends media as an MMS with its own sid prefix', async () => {
    const message = await sdkClient(sandbox.url).messages.create({
      to: CUSTOMER_NUMBER,
      from: BUSINESS_NUMBER,
      mediaUrl: ['https://example.com/a.png', 'https://example.com/b.pdf'],
    });
    expect(message.sid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(message.numMedia).toBe('2');
    const [inspected] = (await (
      await fetch(`${sandbox.url}/sandbox/twilio/messages`)
    ).json()) as Array<{ media_urls: string[] }>;
    expect(inspected?.media_urls).toEqual([
      'https://example.com/a.png',
      'https://example.com/b.pdf',
    ]);
  });

  it('refuses a wrong auth token with 401 and code 20003', async () => {
    const client = sdkClient(sandbox.url, ACCOUNT_SID, 'not-the-token');
    await expect(
      client.messages.create({ to: CUSTOMER_NUMBER, from: BUSINESS_NUMBER, body: 'hi' }),
    ).rejects.toMatchObject({
      status: 401,
      code: 20003,
      message: 'Authenticate',
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });
  });

  it('refuses missing credentials and another account’s credentials alike', async () => {
    const missing = await fetch(`${sandbox.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
      method: 'POST',
    });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
    const foreign = await postForm(
      sandbox.url,
      { To: CUSTOMER_NUMBER },
      `${OTHER_ACCOUNT_SID}:other-account-token`,
    );
    expect(foreign).toMatchObject({ status: 401, body: { code: 20003 } });
  });

  it('answers Twilio’s validation errors with Twilio’s codes', async () => {
    const cases: Array<[Record<string, string>, number, number]> = [
      [{ From: BUSINESS_NUMBER, Body: 'hi' }, 400, 21604],
      [{ To: CUSTOMER_NUMBER, Body: 'hi' }, 400, 21603],
      [{ To: CUSTOMER_NUMBER, From: BUSINESS_NUMBER }, 400, 21602],
      [{ To: '+1555', From: BUSINESS_NUMBER, Body: 'hi' }, 400, 21211],
      [{ To: CUSTOMER_NUMBER, From: '+15005550002', Body: 'hi' }, 400, 21606],
      [{ To: CUSTOMER_NUMBER, From: '+19995550000', Body: 'hi' }, 400, 21606],
      [{ To: CUSTOMER_NUMBER, From: 'not a number!', Body: 'hi' }, 400, 21212],
      [{ To: BUSINESS_NUMBER, From: BUSINESS_NUMBER, Body: 'hi' }, 400, 21266],
      [{ To: CUSTOMER_NUMBER, From: BUSINESS_NUMBER, Body: 'x'.repeat(1601) }, 400, 21617],
      [
        { To: CUSTOMER_NUMBER, From: BUSINESS_NUMBER, Body: 'hi', StatusCallback: 'nope' },
        400,
        21609,
      ],
    ];
    for (const [form, status, code] of cases) {
      const answer = await postForm(sandbox.url, form);
      expect({ form, status: answer.status, code: answer.body.code }).toEqual({
        form,
        status,
        code,
      });
      expect(answer.body).toEqual({
        code,
        message: expect.any(String) as string,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status,
      });
    }
    const missingTo = await postForm(sandbox.url, { From: BUSINESS_NUMBER, Body: 'hi' });
    expect(missingTo.body.message).toBe("A 'To' phone number is required.");
    const badTo = await postForm(sandbox.url, { To: '+1555', From: BUSINESS_NUMBER, Body: 'hi' });
    expect(badTo.body.message).toBe("The 'To' number +1555 is not a valid phone number.");
  });

  it('sees an empty To through the SDK as 400 code 21604', async () => {
    // The SDK itself refuses a call without `to`, so an empty one is what reaches Twilio.
    const client = sdkClient(sandbox.url);
    await expect(
      client.messages.create({ to: '', from: BUSINESS_NUMBER, body: 'hi' }),
    ).rejects.toMatchObject({ status: 400, code: 21604 });
  });

  it('accepts a Messaging Service instead of From and picks a sender when sending', async () => {
    const serviceSid = 'MG' + '1'.repeat(32);
    const client = sdkClient(sandbox.url);
    const created = await client.messages.create({
      to: CUSTOMER_NUMBER,
      messagingServiceSid: serviceSid,
      body: 'hi',
    });
    expect(created).toMatchObject({
      status: 'accepted',
      from: null,
      numSegments: '0',
      messagingServiceSid: serviceSid,
    });
    await expect
      .poll(async () => (await client.messages(created.sid).fetch()).status)
      .toBe('delivered');
    const fetched = await client.messages(created.sid).fetch();
    expect(fetched).toMatchObject({ from: BUSINESS_NUMBER, numSegments: '1' });
  });

  it('fetches a message with its current status', async () => {
    const client = sdkClient(sandbox.url);
    const created = await client.messages.create({
      to: CUSTOMER_NUMBER,
      from: BUSINESS_NUMBER,
      body: 'hi',
    });
    await expect
      .poll(async () => (await client.messages(created.sid).fetch()).status)
      .toBe('delivered');
    const fetched = client.httpClient.lastResponse!.body as unknown as Record<string, unknown>;
    expect(messageSchemaViolations(fetched)).toEqual([]);
    expect(fetched.sid).toBe(created.sid);
  });

  it('answers 404 code 20404 for a message of another account or none', async () => {
    const client = sdkClient(sandbox.url);
    await expect(client.messages('SM' + '0'.repeat(32)).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
    const other = sdkClient(sandbox.url, OTHER_ACCOUNT_SID, 'other-account-token');
    const created = await client.messages.create({
      to: CUSTOMER_NUMBER,
      from: BUSINESS_NUMBER,
      body: 'hi',
    });
    await expect(other.messages(created.sid).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
    });
  });

  it('lists messages newest first with To and From filters, page by page', async () => {
    const client = sdkClient(sandbox.url);
    for (const body of ['one', 'two', 'three']) {
      await client.messages.create({ to: CUSTOMER_NUMBER, from: BUSINESS_NUMBER, body });
    }
    await client.messages.create({ to: '+15005550009', from: BUSINESS_NUMBER, body: 'elsewhere' });
    const listed = await client.messages.list({ to: CUSTOMER_NUMBER, pageSize: 2 });
    expect(listed.map((message) => message.body)).toEqual(['three', 'two', 'one']);
  });

  it('shows what the app sent on the inspection endpoint, filtered by number', async () => {
    const client = sdkClient(sandbox.url);
    await client.messages.create({ to: CUSTOMER_NUMBER, from: BUSINESS_NUMBER, body: 'first' });
    await client.messages.create({
      to: '+15005550009',
      from: BUSINESS_NUMBER,
      body: 'second',
      statusCallback: 'https://app.example/status',
    });
    // An unencoded + in a query string arrives as a space; the endpoint still understands it.
    const mine = (await (
      await fetch(`${sandbox.url}/sandbox/twilio/messages?to=${CUSTOMER_NUMBER}`)
    ).json()) as Array<Record<string, unknown>>;
    expect(mine.map((message) => message.body)).toEqual(['first']);
    const all = (await (await fetch(`${sandbox.url}/sandbox/twilio/messages`)).json()) as Array<
      Record<string, unknown>
    >;
    expect(all.map((message) => message.body)).toEqual(['first', 'second']);
    expect(all[1]).toMatchObject({ status_callback: 'https://app.example/status' });

    await fetch(`${sandbox.url}/sandbox/twilio/messages`, { method: 'DELETE' });
    expect(await (await fetch(`${sandbox.url}/sandbox/twilio/messages`)).json()).toEqual([]);
  });

  it('registers numbers at runtime for an existing account only', async () => {
    const put = (entry: Record<string, string>) =>
      fetch(`${sandbox.url}/sandbox/twilio/numbers`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(entry),
      });
    const added = await put({
      number: '+15005550077',
      accountSid: ACCOUNT_SID,
      smsUrl: 'http://127.0.0.1:9/x',
    });
    expect(added.status).toBe(200);
    const numbers = (await (await fetch(`${sandbox.url}/sandbox/twilio/numbers`)).json()) as Array<{
      number: string;
    }>;
    expect(numbers.map((entry) => entry.number)).toContain('+15005550077');
    const message = await sdkClient(sandbox.url).messages.create({
      to: CUSTOMER_NUMBER,
      from: '+15005550077',
      body: 'from the new number',
    });
    expect(message.from).toBe('+15005550077');

    const unknown = await put({
      number: '+15005550078',
      accountSid: 'AC' + 'f'.repeat(32),
      smsUrl: 'http://x.test/',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_account' } });
  });

  it('answers health checks', async () => {
    expect((await fetch(`${sandbox.url}/healthz`)).status).toBe(200);
  });
});
