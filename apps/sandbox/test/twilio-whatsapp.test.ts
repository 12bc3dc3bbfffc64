import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  BUSINESS_NUMBER,
  OTHER_ACCOUNT_SID,
  OTHER_AUTH_TOKEN,
  sdkClient,
  signatureOf,
  startReceiver,
  startSandbox,
  TWILIO_WHATSAPP_NUMBER,
  type Receiver,
  type RunningSandbox,
} from './helpers';
import { PIXEL_PNG, postJson, startJsonReceiver, type JsonReceiver } from './meta-helpers';
import { messageSchemaViolations } from './twilio-spec';

let nextCustomer = 5215550009000;
const newCustomer = () => `whatsapp:+${(nextCustomer += 1)}`;

function basic(accountSid = ACCOUNT_SID, authToken = AUTH_TOKEN) {
  return { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` };
}

describe('Twilio Content API', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.app.close());

  it('lists each account’s approved templates, one Content per language, in Twilio’s shape', async () => {
    const response = await fetch(`${sandbox.url}/v1/ContentAndApprovals`, { headers: basic() });
    expect(response.status).toBe(200);
    const page = (await response.json()) as any;
    expect(page.meta).toEqual({
      page: 0,
      page_size: 50,
      first_page_url: 'https://content.twilio.com/v1/ContentAndApprovals?PageSize=50&Page=0',
      previous_page_url: null,
      url: 'https://content.twilio.com/v1/ContentAndApprovals?PageSize=50&Page=0',
      next_page_url: null,
      key: 'contents',
    });
    expect(
      page.contents.map((content: any) => `${content.friendly_name}/${content.language}`),
    ).toEqual([
      'order_update/en',
      'order_update/es',
      'order_update/pt_BR',
      'follow_up/en',
      'follow_up/es',
      'follow_up/pt_BR',
    ]);
    expect(page.contents[1]).toEqual({
      date_created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as string,
      date_updated: expect.stringMatching(/Z$/) as string,
      sid: expect.stringMatching(/^HX[0-9a-f]{32}$/) as string,
      account_sid: ACCOUNT_SID,
      friendly_name: 'order_update',
      language: 'es',
      variables: { '1': 'Ana', '2': 'A-1042' },
      types: { 'twilio/text': { body: 'Hola {{1}}, tu pedido {{2}} fue enviado.' } },
      approval_requests: {
        whatsapp: {
          type: 'whatsapp',
          name: 'order_update',
          category: 'UTILITY',
          content_type: 'twilio/text',
          status: 'approved',
          rejection_reason: '',
          allow_category_change: true,
        },
      },
    });

    // Each account sees its own contents; the SIDs stay the same across restarts.
    const other = (await (
      await fetch(`${sandbox.url}/v1/ContentAndApprovals`, {
        headers: basic(OTHER_ACCOUNT_SID, OTHER_AUTH_TOKEN),
      })
    ).json()) as any;
    expect(other.contents[0].account_sid).toBe(OTHER_ACCOUNT_SID);
    expect(other.contents[0].sid).not.toBe(page.contents[0].sid);
    const restarted = await startSandbox();
    const again = (await (
      await fetch(`${restarted.url}/v1/ContentAndApprovals`, { headers: basic() })
    ).json()) as any;
    await restarted.app.close();
    expect(again.contents.map((content: any) => content.sid)).toEqual(
      page.contents.map((content: any) => content.sid),
    );
  });

  it('pages through the Twilio SDK, which follows next_page_url on content.twilio.com', async () => {
    const client = sdkClient(sandbox.url);
    const all = await client.content.v1.contentAndApprovals.list({ pageSize: 4 });
    expect(all).toHaveLength(6);
    expect(all[0]!.approvalRequests).toMatchObject({ whatsapp: { status: 'approved' } });
    const fetched = await client.content.v1.contents(all[0]!.sid).fetch();
    expect(fetched).toMatchObject({
      friendlyName: 'order_update',
      language: 'en',
      url: `https://content.twilio.com/v1/Content/${all[0]!.sid}`,
    });
  });

  it('refuses strangers and unknown contents like Twilio', async () => {
    const stranger = await fetch(`${sandbox.url}/v1/ContentAndApprovals`, {
      headers: basic(ACCOUNT_SID, 'nope'),
    });
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toMatchObject({ code: 20003, status: 401 });
    const missing = await fetch(`${sandbox.url}/v1/Content/HX00000000000000000000000000000000`, {
      headers: basic(),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 20404 });
  });
});

describe('WhatsApp through Twilio', () => {
  let sandbox: RunningSandbox;
  let app: Receiver;
  let files: JsonReceiver;

  beforeAll(async () => {
    app = await startReceiver();
    files = await startJsonReceiver();
    sandbox = await startSandbox({ smsUrl: `${app.url}/webhooks/twilio/inbox-1` });
  });
  afterAll(async () => {
    await sandbox.app.close();
    await app.close();
    await files.close();
  });
  afterEach(() => {
    app.received.length = 0;
  });

  const statusCallback = () => `${app.url}/webhooks/twilio/inbox-1/status`;
  const callbacksOf = (sid: string) =>
    app.received.filter(
      (request) => request.params.MessageSid === sid && request.params.MessageStatus,
    );
  async function waitForCallbacks(sid: string, count: number) {
    await expect
      .poll(() => callbacksOf(sid).length, { timeout: 5000 })
      .toBeGreaterThanOrEqual(count);
    return callbacksOf(sid);
  }
  const send = (params: Record<string, unknown>, client = sdkClient(sandbox.url)) =>
    client.messages.create({
      from: TWILIO_WHATSAPP_NUMBER,
      statusCallback: statusCallback(),
      ...params,
    } as any);

  async function contentSid(name: string, language: string) {
    const page = (await (
      await fetch(`${sandbox.url}/v1/ContentAndApprovals`, { headers: basic() })
    ).json()) as any;
    return page.contents.find(
      (content: any) => content.friendly_name === name && content.language === language,
    ).sid as string;
  }

  async function customerWrites(
    customer: string,
    body: string,
    extra: Record<string, unknown> = {},
  ) {
    const answer = await postJson(sandbox.url, '/sandbox/twilio/sms', {
      from: customer,
      to: TWILIO_WHATSAPP_NUMBER,
      body,
      profileName: 'María José',
      ...extra,
    });
    expect(answer.status).toBe(200);
    return answer.body.messageSid as string;
  }

  it('sends a ContentSid template outside the window, its body the rendered template', async () => {
    const customer = newCustomer();
    const client = sdkClient(sandbox.url);
    const message = await send(
      {
        to: customer,
        contentSid: await contentSid('order_update', 'es'),
        contentVariables: JSON.stringify({ 1: 'Lucía', 2: 'A-1042' }),
      },
      client,
    );
    expect(message.body).toBe('Hola Lucía, tu pedido A-1042 fue enviado.');
    const resource = client.httpClient.lastResponse!.body as unknown as Record<string, unknown>;
    expect(messageSchemaViolations(resource)).toEqual([]);
    const callbacks = await waitForCallbacks(message.sid, 2);
    expect(callbacks.map((request) => request.params.MessageStatus)).toEqual(['sent', 'delivered']);
    expect(callbacks[1]!.params).toMatchObject({
      ChannelPrefix: 'whatsapp',
      ChannelToAddress: customer.slice(9),
      ChannelInstallSid: expect.stringMatching(/^XE[0-9a-f]{32}$/) as string,
      To: customer,
      From: TWILIO_WHATSAPP_NUMBER,
    });
    for (const request of callbacks) {
      expect(
        twilio.validateRequest(AUTH_TOKEN, signatureOf(request), request.url, request.params),
      ).toBe(true);
    }
    const listed = (await (
      await fetch(`${sandbox.url}/sandbox/twilio/messages?to=${encodeURIComponent(customer)}`)
    ).json()) as any[];
    expect(listed[0]).toMatchObject({
      content_sid: expect.stringMatching(/^HX/) as string,
      body: 'Hola Lucía, tu pedido A-1042 fue enviado.',
    });
  });

  it('refuses an unknown ContentSid (21655) and unreadable ContentVariables (21656)', async () => {
    await expect(
      send({ to: newCustomer(), contentSid: 'HX00000000000000000000000000000000' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 21655,
    });
    await expect(
      send({
        to: newCustomer(),
        contentSid: await contentSid('follow_up', 'en'),
        contentVariables: '{"1":',
      }),
    ).rejects.toMatchObject({ status: 400, code: 21656 });
    await expect(
      sdkClient(sandbox.url).messages.create({
        from: TWILIO_WHATSAPP_NUMBER,
        to: '+15005550006',
        body: 'hi',
      }),
    ).rejects.toMatchObject({
      code: 21910,
    });
  });

  it('accepts free text outside the 24-hour window, then fails it with 63016', async () => {
    const message = await send({ to: newCustomer(), body: 'Hola' });
    expect(message.status).toBe('queued');
    const [failed] = await waitForCallbacks(message.sid, 1);
    expect(failed!.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '63016' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(callbacksOf(message.sid)).toHaveLength(1);
    const fetched = await sdkClient(sandbox.url).messages(message.sid).fetch();
    expect(fetched).toMatchObject({ status: 'failed', errorCode: 63016 });
  });

  it('posts Twilio’s WhatsApp webhook, answers inside the window and reports the customer read it', async () => {
    const customer = newCustomer();
    const inboundSid = await customerWrites(customer, 'Hola 👋');
    const webhook = app.received.find((request) => request.params.MessageSid === inboundSid);
    expect(Object.keys(webhook!.params)).toEqual([
      'SmsMessageSid',
      'NumMedia',
      'ProfileName',
      'MessageType',
      'SmsSid',
      'WaId',
      'SmsStatus',
      'Body',
      'To',
      'NumSegments',
      'ReferralNumMedia',
      'MessageSid',
      'AccountSid',
      'From',
      'ApiVersion',
    ]);
    expect(webhook!.params).toMatchObject({
      ProfileName: 'María José',
      WaId: customer.slice(10),
      MessageType: 'text',
      From: customer,
      To: TWILIO_WHATSAPP_NUMBER,
      MessageSid: inboundSid,
    });
    expect(
      twilio.validateRequest(AUTH_TOKEN, signatureOf(webhook!), webhook!.url, webhook!.params),
    ).toBe(true);

    const reply = await send({ to: customer, body: '¡Hola!' });
    await waitForCallbacks(reply.sid, 2);
    const read = await postJson(sandbox.url, '/sandbox/twilio/read', {
      customer,
      business: TWILIO_WHATSAPP_NUMBER,
    });
    expect(read.body.read).toEqual([reply.sid]);
    const callbacks = await waitForCallbacks(reply.sid, 3);
    expect(callbacks.map((request) => request.params.MessageStatus)).toEqual([
      'sent',
      'delivered',
      'read',
    ]);

    // The customer quotes the reply.
    const quotedSid = await customerWrites(customer, 'Gracias', { replyToSid: reply.sid });
    const quoted = app.received.find((request) => request.params.MessageSid === quotedSid);
    expect(quoted!.params).toMatchObject({
      OriginalRepliedMessageSender: TWILIO_WHATSAPP_NUMBER,
      OriginalRepliedMessageSid: reply.sid,
    });

    // A day later the window has closed for free text.
    const aged = await postJson(sandbox.url, '/sandbox/meta/customers/age', {
      customer,
      business: TWILIO_WHATSAPP_NUMBER,
      hours: 25,
    });
    expect(aged.body.windowOpen).toBe(false);
    const late = await send({ to: customer, body: '¿Sigues ahí?' });
    const [failed] = await waitForCallbacks(late.sid, 1);
    expect(failed!.params.ErrorCode).toBe('63016');

    const thread = (await (
      await fetch(
        `${sandbox.url}/sandbox/twilio/thread?customer=${encodeURIComponent(customer)}&business=${encodeURIComponent(TWILIO_WHATSAPP_NUMBER)}`,
      )
    ).json()) as any[];
    expect(thread.map((entry) => [entry.direction, entry.body, entry.status])).toEqual([
      ['out', 'Hola 👋', 'received'],
      ['in', '¡Hola!', 'read'],
      ['out', 'Gracias', 'received'],
      ['in', '¿Sigues ahí?', 'failed'],
    ]);
  });

  it('fetches each MediaUrl before sending and fails the message when one cannot be fetched', async () => {
    files.files.set('pixel.png', { contentType: 'image/png', data: PIXEL_PNG });
    const customer = newCustomer();
    await customerWrites(customer, 'Foto, por favor');
    const withMedia = await send({
      to: customer,
      body: 'Aquí está',
      mediaUrl: [`${files.url}/files/pixel.png`],
    });
    await waitForCallbacks(withMedia.sid, 2);
    const thread = (await (
      await fetch(
        `${sandbox.url}/sandbox/twilio/thread?customer=${encodeURIComponent(customer)}&business=${encodeURIComponent(TWILIO_WHATSAPP_NUMBER)}`,
      )
    ).json()) as any[];
    const copy = thread.at(-1).phoneMediaUrls[0] as string;
    expect(copy).toMatch(/^\/sandbox\/twilio\/media\/ME[0-9a-f]{32}$/);
    expect(
      Buffer.from(await (await fetch(`${sandbox.url}${copy}`)).arrayBuffer()).equals(PIXEL_PNG),
    ).toBe(true);

    const broken = await send({
      to: customer,
      body: 'Rota',
      mediaUrl: [`${files.url}/files/missing.png`],
    });
    const [failed] = await waitForCallbacks(broken.sid, 1);
    expect(failed!.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '63019' });

    const sms = await sdkClient(sandbox.url).messages.create({
      from: BUSINESS_NUMBER,
      to: '+15005550006',
      mediaUrl: [`${files.url}/files/missing.png`],
      statusCallback: statusCallback(),
    });
    const [smsFailed] = await waitForCallbacks(sms.sid, 1);
    expect(smsFailed!.params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '11200' });
  });

  it('keeps SMS and WhatsApp chats apart on the phone', async () => {
    const number = '+5215550009999';
    await postJson(sandbox.url, '/sandbox/twilio/sms', {
      from: number,
      to: BUSINESS_NUMBER,
      body: 'por SMS',
    });
    await customerWrites(`whatsapp:${number}`, 'por WhatsApp');
    const sms = (await (
      await fetch(
        `${sandbox.url}/sandbox/twilio/thread?customer=${encodeURIComponent(number)}&business=${encodeURIComponent(BUSINESS_NUMBER)}`,
      )
    ).json()) as any[];
    const whatsApp = (await (
      await fetch(
        `${sandbox.url}/sandbox/twilio/thread?customer=${encodeURIComponent(`whatsapp:${number}`)}&business=${encodeURIComponent(TWILIO_WHATSAPP_NUMBER)}`,
      )
    ).json()) as any[];
    expect(sms.map((entry) => entry.body)).toEqual(['por SMS']);
    expect(whatsApp.map((entry) => entry.body)).toEqual(['por WhatsApp']);
  });
});
