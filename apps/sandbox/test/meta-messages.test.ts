import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { META_NUMBER, OTHER_META_NUMBER, startSandbox, type RunningSandbox } from './helpers';
import {
  customerWrites,
  expectedSignature,
  graph,
  postJson,
  sendPath,
  signatureHeader,
  startJsonReceiver,
  type JsonReceiver,
} from './meta-helpers';

let nextCustomer = 5215550001000;
/** A customer no other test has used, so windows and threads start empty. */
const newCustomer = () => `+${(nextCustomer += 1)}`;

describe('WhatsApp Cloud API: sending', () => {
  let sandbox: RunningSandbox;
  let receiver: JsonReceiver;

  beforeAll(async () => {
    receiver = await startJsonReceiver();
    sandbox = await startSandbox({ metaWebhookUrl: `${receiver.url}/webhooks/whatsapp/inbox-1` });
  });
  afterAll(async () => {
    await sandbox.app.close();
    await receiver.close();
  });
  afterEach(async () => {
    await fetch(`${sandbox.url}/sandbox/meta/faults`, { method: 'DELETE' });
    receiver.received.length = 0;
  });

  /** A customer who just wrote, so the 24-hour window is open. */
  async function openWindow() {
    const customer = newCustomer();
    expect((await customerWrites(sandbox.url, { from: customer, text: 'Hola' })).status).toBe(200);
    receiver.received.length = 0;
    return customer;
  }

  const sendText = (to: string, body = 'Hola, ¿en qué te ayudo?') =>
    graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'text',
        text: { body },
      },
    });

  it('accepts a text like Meta and reports sent, delivered and read in signed webhooks', async () => {
    const customer = await openWindow();
    const sent = await sendText(customer.slice(1));
    expect(sent.status).toBe(200);
    const id = sent.body.messages[0].id as string;
    expect(sent.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: customer.slice(1), wa_id: customer.slice(1) }],
      messages: [{ id }],
    });
    expect(id).toMatch(/^wamid\.[A-Za-z0-9+/=]+$/);

    const [first, second] = await receiver.waitForStatuses(id, 2);
    expect([first!.status, second!.status]).toEqual(['sent', 'delivered']);
    expect(first).toMatchObject({
      id,
      recipient_id: customer.slice(1),
      timestamp: expect.stringMatching(/^\d{10}$/) as string,
      conversation: { origin: { type: 'service' }, expiration_timestamp: expect.any(String) },
      pricing: { billable: false, pricing_model: 'CBP', category: 'service' },
    });

    const read = await postJson(sandbox.url, '/sandbox/meta/read', {
      customer,
      business: META_NUMBER.displayPhoneNumber,
    });
    expect(read.body.read).toEqual([id]);
    const statuses = await receiver.waitForStatuses(id, 3);
    expect(statuses.map((status) => status.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses[2]).not.toHaveProperty('pricing');

    for (const webhook of receiver.received) {
      expect(webhook.url).toBe(`${receiver.url}/webhooks/whatsapp/inbox-1`);
      expect(webhook.headers['content-type']).toBe('application/json');
      expect(signatureHeader(webhook)).toBe(expectedSignature(webhook.raw));
      expect(signatureHeader(webhook)).not.toBe(expectedSignature(webhook.raw, 'another-secret'));
      expect(webhook.body).toMatchObject({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: META_NUMBER.wabaId,
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: {
                    display_phone_number: META_NUMBER.displayPhoneNumber.slice(1),
                    phone_number_id: META_NUMBER.phoneNumberId,
                  },
                },
              },
            ],
          },
        ],
      });
    }
  });

  it('turns a message read right after delivery when the customer read it early', async () => {
    const customer = await openWindow();
    const sent = await sendText(customer);
    const id = sent.body.messages[0].id as string;
    // Before even `sent`: the read waits for delivery, so the order stays sent → delivered → read.
    await postJson(sandbox.url, '/sandbox/meta/read', {
      customer,
      business: META_NUMBER.phoneNumberId,
    });
    const statuses = await receiver.waitForStatuses(id, 3);
    expect(statuses.map((status) => status.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('fails free text outside the 24-hour window with 131047, after accepting it', async () => {
    const neverWrote = newCustomer();
    const sent = await sendText(neverWrote);
    expect(sent.status).toBe(200);
    const [failed] = await receiver.waitForStatuses(sent.body.messages[0].id, 1);
    expect(failed).toMatchObject({
      status: 'failed',
      recipient_id: neverWrote.slice(1),
      errors: [
        {
          code: 131047,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          error_data: { details: expect.stringContaining('24 hours') as string },
        },
      ],
    });

    const customer = await openWindow();
    const aged = await postJson(sandbox.url, '/sandbox/meta/customers/age', {
      customer,
      business: META_NUMBER.displayPhoneNumber,
      hours: 23.9,
    });
    expect(aged.body.windowOpen).toBe(true);
    const inTime = await sendText(customer);
    const [stillSent] = await receiver.waitForStatuses(inTime.body.messages[0].id, 1);
    expect(stillSent!.status).toBe('sent');

    await postJson(sandbox.url, '/sandbox/meta/customers/age', {
      customer,
      business: META_NUMBER.phoneNumberId,
      hours: 0.2,
    });
    const late = await sendText(customer);
    const [lateFailed] = await receiver.waitForStatuses(late.body.messages[0].id, 1);
    expect(lateFailed).toMatchObject({ status: 'failed', errors: [{ code: 131047 }] });

    const unknown = await postJson(sandbox.url, '/sandbox/meta/customers/age', {
      customer: newCustomer(),
      business: META_NUMBER.displayPhoneNumber,
      hours: 1,
    });
    expect(unknown.status).toBe(404);
  });

  it('sends an approved template outside the window, rendered with its parameters', async () => {
    const customer = newCustomer();
    const sent = await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: customer,
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'es' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Lucía' },
                { type: 'text', text: 'A-1042' },
              ],
            },
          ],
        },
      },
    });
    expect(sent.status).toBe(200);
    const id = sent.body.messages[0].id as string;
    expect(sent.body.messages[0]).toEqual({ id, message_status: 'accepted' });
    const [first] = await receiver.waitForStatuses(id, 1);
    expect(first).toMatchObject({
      status: 'sent',
      conversation: { origin: { type: 'utility' } },
      pricing: { billable: true, category: 'utility' },
    });
    const [thread] = (
      await graph(
        sandbox.url,
        `/sandbox/meta/thread?customer=${encodeURIComponent(customer)}&business=${META_NUMBER.phoneNumberId}`,
      )
    ).body;
    expect(thread).toMatchObject({
      id,
      direction: 'in',
      type: 'template',
      text: 'Hola Lucía, tu pedido A-1042 fue enviado.',
      template: { name: 'order_update', language: 'es' },
    });
  });

  it('refuses unknown, pending and mis-filled templates with Meta’s codes', async () => {
    const template = (name: string, code: string, parameters: string[]) =>
      graph(sandbox.url, sendPath, {
        json: {
          messaging_product: 'whatsapp',
          to: newCustomer(),
          type: 'template',
          template: {
            name,
            language: { code },
            components: [
              { type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) },
            ],
          },
        },
      });
    const unknown = await template('order_updat', 'en_US', ['a', 'b']);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({
      code: 132001,
      type: 'OAuthException',
      message: '(#132001) Template name does not exist in the translation',
      error_data: {
        messaging_product: 'whatsapp',
        details: 'template name (order_updat) does not exist in en_US',
      },
      fbtrace_id: expect.any(String),
    });
    expect((await template('order_update', 'fr', ['a', 'b'])).body.error.code).toBe(132001);
    expect((await template('pending_offer', 'en_US', ['a', 'b'])).body.error.code).toBe(132001);
    const mismatch = await template('follow_up', 'en_US', ['a', 'b']);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error).toMatchObject({ code: 132000 });
  });

  it('answers a wrong token with 401 / 190 and a missing one with 400 / 104', async () => {
    const wrong = await graph(sandbox.url, sendPath, {
      token: 'not-a-token',
      json: {
        messaging_product: 'whatsapp',
        to: '15550001111',
        type: 'text',
        text: { body: 'hi' },
      },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({
      type: 'OAuthException',
      code: 190,
      message: 'Invalid OAuth access token - Cannot parse access token',
    });
    const missing = await graph(sandbox.url, sendPath, {
      token: null,
      json: {
        messaging_product: 'whatsapp',
        to: '15550001111',
        type: 'text',
        text: { body: 'hi' },
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ type: 'OAuthException', code: 104 });

    // Another business's valid token cannot see this number: Graph says it does not exist.
    const foreign = await graph(sandbox.url, sendPath, {
      token: OTHER_META_NUMBER.accessToken,
      json: {
        messaging_product: 'whatsapp',
        to: '15550001111',
        type: 'text',
        text: { body: 'hi' },
      },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
    expect(foreign.body.error.message).toContain(`Object with ID '${META_NUMBER.phoneNumberId}'`);
  });

  it('validates the body like Meta: code 100 for anything it would refuse', async () => {
    const attempt = (json: unknown) => graph(sandbox.url, sendPath, { json });
    const cases: Array<[unknown, RegExp]> = [
      [{ to: '15550001111', type: 'text', text: { body: 'hi' } }, /messaging_product is required/],
      [
        { messaging_product: 'sms', to: '15550001111', text: { body: 'hi' } },
        /one of \{WHATSAPP\}/,
      ],
      [
        { messaging_product: 'whatsapp', type: 'text', text: { body: 'hi' } },
        /parameter to is required/,
      ],
      [
        { messaging_product: 'whatsapp', to: '15550001111', type: 'fax' },
        /Param type must be one of/,
      ],
      [
        { messaging_product: 'whatsapp', to: '15550001111', type: 'text' },
        /parameter text is required/,
      ],
      [{ messaging_product: 'whatsapp', to: '15550001111', text: { body: '' } }, /text\['body'\]/],
      [
        { messaging_product: 'whatsapp', to: '15550001111', type: 'image', image: {} },
        /Invalid parameter/,
      ],
      [
        { messaging_product: 'whatsapp', to: '15550001111', type: 'image', image: { id: '123' } },
        /Invalid parameter/,
      ],
      [
        {
          messaging_product: 'whatsapp',
          to: '15550001111',
          type: 'location',
          location: { latitude: 1 },
        },
        /location\['longitude'\]/,
      ],
    ];
    for (const [json, message] of cases) {
      const answer = await attempt(json);
      expect(answer.status, JSON.stringify(json)).toBe(400);
      expect(answer.body.error.code).toBe(100);
      expect(`${answer.body.error.message} ${answer.body.error.error_data?.details ?? ''}`).toMatch(
        message,
      );
    }
    // Meta sends text when no type is given.
    const customer = await openWindow();
    const untyped = await attempt({
      messaging_product: 'whatsapp',
      to: customer,
      text: { body: 'hi' },
    });
    expect(untyped.status).toBe(200);
  });

  it('sends media by link after fetching it, and fails a link it cannot fetch with 131053', async () => {
    const customer = await openWindow();
    receiver.files.set('receipt.png', {
      contentType: 'image/png',
      data: Buffer.from('89504e470d0a1a0a', 'hex'),
    });
    const sent = await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: customer,
        type: 'image',
        image: { link: `${receiver.url}/files/receipt.png`, caption: 'Tu recibo' },
      },
    });
    const id = sent.body.messages[0].id as string;
    await receiver.waitForStatuses(id, 2);
    const thread = await graph(
      sandbox.url,
      `/sandbox/meta/thread?customer=${encodeURIComponent(customer)}&business=${META_NUMBER.phoneNumberId}`,
    );
    const entry = thread.body.find((item: any) => item.id === id);
    expect(entry).toMatchObject({
      type: 'image',
      text: 'Tu recibo',
      media: { mimeType: 'image/png' },
    });
    const file = await fetch(`${sandbox.url}${entry.media.url}`);
    expect(Buffer.from(await file.arrayBuffer()).toString('hex')).toBe('89504e470d0a1a0a');

    const broken = await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: customer,
        type: 'document',
        document: { link: `${receiver.url}/files/missing.pdf`, filename: 'missing.pdf' },
      },
    });
    const [failed] = await receiver.waitForStatuses(broken.body.messages[0].id, 1);
    expect(failed).toMatchObject({
      status: 'failed',
      errors: [{ code: 131053, error_data: { details: expect.stringContaining('404') as string } }],
    });
  });

  it('answers armed faults for the next sends, then sends again', async () => {
    const armed = await postJson(sandbox.url, '/sandbox/meta/faults', {
      httpStatus: 429,
      code: 130429,
      count: 2,
    });
    expect(armed.status).toBe(201);
    const customer = await openWindow();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await sendText(customer);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({
        code: 130429,
        message: '(#130429) Rate limit hit',
        type: 'OAuthException',
      });
    }
    expect((await sendText(customer)).status).toBe(200);

    await postJson(sandbox.url, '/sandbox/meta/faults', {
      httpStatus: 400,
      code: 131056,
      message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
    });
    expect((await sendText(customer)).body.error.code).toBe(131056);
  });

  it('marks a customer message read, and every earlier one with it', async () => {
    const customer = newCustomer();
    const first = await customerWrites(sandbox.url, { from: customer, text: 'uno' });
    const second = await customerWrites(sandbox.url, { from: customer, text: 'dos' });
    const marked = await graph(sandbox.url, sendPath, {
      json: { messaging_product: 'whatsapp', status: 'read', message_id: second.body.id },
    });
    expect(marked).toMatchObject({ status: 200, body: { success: true } });
    const thread = await graph(
      sandbox.url,
      `/sandbox/meta/thread?customer=${encodeURIComponent(customer)}&business=${META_NUMBER.phoneNumberId}`,
    );
    expect(thread.body.map((entry: any) => [entry.id, entry.direction, entry.status])).toEqual([
      [first.body.id, 'out', 'read'],
      [second.body.id, 'out', 'read'],
    ]);
    const unknown = await graph(sandbox.url, sendPath, {
      json: { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nope' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe(100);
  });

  it('lists what the app sent, with the request as it was made', async () => {
    const customer = await openWindow();
    await sendText(customer, 'Para la lista');
    const listed = await graph(
      sandbox.url,
      `/sandbox/meta/messages?to=${encodeURIComponent(customer)}`,
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        to: customer,
        type: 'text',
        text: 'Para la lista',
        request: expect.objectContaining({ text: { body: 'Para la lista' } }) as unknown,
      }),
    ]);
  });
});
