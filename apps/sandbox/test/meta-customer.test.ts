import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { META_NUMBER, startSandbox, type RunningSandbox } from './helpers';
import {
  customerWrites,
  expectedSignature,
  graph,
  PIXEL_PNG,
  postJson,
  sendPath,
  signatureHeader,
  startJsonReceiver,
  type JsonReceiver,
} from './meta-helpers';

const CUSTOMER = '+5215550002222';

describe('WhatsApp Cloud API: the customer writes', () => {
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
    receiver.received.length = 0;
    receiver.answerStatus = 200;
    await fetch(`${sandbox.url}/sandbox/meta/messages`, { method: 'DELETE' });
  });

  /** The message webhook of one customer message; status webhooks of other tests may arrive late. */
  const webhookOf = (id: string) =>
    receiver.received.find(
      (webhook) => webhook.body.entry[0].changes[0].value.messages?.[0]?.id === id,
    );
  const valueOf = (id: string) => webhookOf(id)!.body.entry[0].changes[0].value;

  it('posts Meta’s signed message webhook with the profile name and the text', async () => {
    const answer = await customerWrites(sandbox.url, {
      from: CUSTOMER,
      text: '¿Tienen otro color?',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: expect.stringMatching(/^wamid\./) as string, status: 200 });

    const webhook = webhookOf(answer.body.id);
    expect(signatureHeader(webhook!)).toBe(expectedSignature(webhook!.raw));
    expect(webhook!.headers['x-hub-signature']).toMatch(/^sha1=[0-9a-f]{40}$/);
    expect(webhook!.body).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: META_NUMBER.wabaId,
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: '15550783881',
                  phone_number_id: META_NUMBER.phoneNumberId,
                },
                contacts: [{ profile: { name: 'Lucía Gómez' }, wa_id: '5215550002222' }],
                messages: [
                  {
                    from: '5215550002222',
                    id: answer.body.id,
                    timestamp: expect.stringMatching(/^\d{10}$/) as string,
                    type: 'text',
                    text: { body: '¿Tienen otro color?' },
                  },
                ],
              },
              field: 'messages',
            },
          ],
        },
      ],
    });
  });

  it('sends a picture as a media object the app can fetch with its token', async () => {
    const answer = await customerWrites(sandbox.url, {
      from: CUSTOMER,
      type: 'image',
      image: {
        contentType: 'image/png',
        dataBase64: PIXEL_PNG.toString('base64'),
        caption: 'La caja rota',
      },
    });
    expect(answer.status).toBe(200);
    const image = valueOf(answer.body.id).messages[0].image;
    expect(image).toEqual({
      caption: 'La caja rota',
      mime_type: 'image/png',
      sha256: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) as string,
      id: expect.stringMatching(/^\d+$/) as string,
    });
    const info = await graph(
      sandbox.url,
      `/v23.0/${image.id}?phone_number_id=${META_NUMBER.phoneNumberId}`,
    );
    expect(info.body).toMatchObject({
      mime_type: 'image/png',
      sha256: image.sha256,
      file_size: String(PIXEL_PNG.length),
    });
    const download = await fetch(info.body.url, {
      headers: { authorization: `Bearer ${META_NUMBER.accessToken}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(PIXEL_PNG)).toBe(true);
  });

  it('quotes the replied-to message in context, and reacts with a reaction message', async () => {
    const customer = '+5215550003333';
    const first = await customerWrites(sandbox.url, { from: customer, text: 'Hola' });
    const reply = await graph(sandbox.url, sendPath, {
      json: {
        messaging_product: 'whatsapp',
        to: customer,
        type: 'text',
        text: { body: '¿Pedido?' },
      },
    });
    const businessMessage = reply.body.messages[0].id as string;
    await customerWrites(sandbox.url, {
      from: customer,
      text: 'Sí, el A-1',
      contextMessageId: businessMessage,
    });
    await customerWrites(sandbox.url, {
      from: customer,
      type: 'reaction',
      reaction: { messageId: businessMessage, emoji: '👍' },
    });
    await customerWrites(sandbox.url, {
      from: customer,
      text: 'y esto',
      contextMessageId: first.body.id,
    });

    const inbound = receiver.received
      .map((webhook) => webhook.body.entry[0].changes[0].value)
      .filter((value) => value.messages?.[0]?.from === '5215550003333')
      .map((value) => value.messages[0]);
    expect(inbound[1].context).toEqual({ from: '15550783881', id: businessMessage });
    expect(inbound[2]).toMatchObject({
      type: 'reaction',
      reaction: { message_id: businessMessage, emoji: '👍' },
    });
    expect(inbound[2]).not.toHaveProperty('context');
    expect(inbound[3].context).toEqual({ from: '5215550003333', id: first.body.id });

    const thread = await graph(
      sandbox.url,
      `/sandbox/meta/thread?customer=${encodeURIComponent(customer)}&business=${encodeURIComponent(META_NUMBER.displayPhoneNumber)}`,
    );
    // Reactions sit on their message instead of showing as messages of their own.
    expect(thread.body.map((entry: any) => entry.text)).toEqual([
      'Hola',
      '¿Pedido?',
      'Sí, el A-1',
      'y esto',
    ]);
    expect(thread.body[1].reactions).toEqual({ customer: '👍', business: null });
    expect(thread.body[2].replyTo).toMatchObject({
      id: businessMessage,
      direction: 'in',
      text: '¿Pedido?',
    });

    await customerWrites(sandbox.url, {
      from: customer,
      type: 'reaction',
      reaction: { messageId: businessMessage, emoji: '' },
    });
    const after = await graph(
      sandbox.url,
      `/sandbox/meta/thread?customer=${encodeURIComponent(customer)}&business=${META_NUMBER.phoneNumberId}`,
    );
    expect(after.body[1].reactions).toEqual({ customer: null, business: null });
  });

  it('shares a location', async () => {
    const answer = await customerWrites(sandbox.url, {
      from: CUSTOMER,
      type: 'location',
      location: { latitude: 19.4326, longitude: -99.1332, name: 'Zócalo', address: 'Centro, CDMX' },
    });
    expect(valueOf(answer.body.id).messages[0]).toMatchObject({
      type: 'location',
      location: { latitude: 19.4326, longitude: -99.1332, name: 'Zócalo', address: 'Centro, CDMX' },
    });
  });

  it('re-delivers an earlier webhook byte for byte, as Meta retries', async () => {
    const answer = await customerWrites(sandbox.url, { from: CUSTOMER, text: 'otra vez' });
    const retried = await postJson(sandbox.url, '/sandbox/meta/webhook-retry', {
      id: answer.body.id,
      times: 2,
    });
    expect(retried.body).toEqual({ id: answer.body.id, statuses: [200, 200] });
    const [original, first, second] = receiver.received.filter(
      (webhook) => webhook.body.entry[0].changes[0].value.messages?.[0]?.id === answer.body.id,
    );
    expect(first!.raw).toBe(original!.raw);
    expect(second!.raw).toBe(original!.raw);
    expect(signatureHeader(second!)).toBe(signatureHeader(original!));
    expect(
      (await postJson(sandbox.url, '/sandbox/meta/webhook-retry', { id: 'wamid.none' })).status,
    ).toBe(404);
  });

  it('reports what the app answered, 404 for an unknown business and 502 when the app is down', async () => {
    receiver.answerStatus = 500;
    expect((await customerWrites(sandbox.url, { from: CUSTOMER, text: 'hola' })).body.status).toBe(
      500,
    );

    const unknown = await customerWrites(sandbox.url, {
      from: CUSTOMER,
      to: '+15550000000',
      text: 'hola',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const invalid = await customerWrites(sandbox.url, { from: 'me', text: 'hola' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_input');

    await fetch(`${sandbox.url}/sandbox/meta/numbers`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...META_NUMBER,
        phoneNumberId: '106540352240000',
        displayPhoneNumber: '+15550780000',
        webhookUrl: 'http://127.0.0.1:9/down',
      }),
    });
    const down = await customerWrites(sandbox.url, {
      from: CUSTOMER,
      to: '106540352240000',
      text: 'hola',
    });
    expect(down.status).toBe(502);
    expect(down.body).toMatchObject({ status: null, error: { code: 'app_unreachable' } });
  });

  it('lists numbers without their secrets', async () => {
    const numbers = await graph(sandbox.url, '/sandbox/meta/numbers');
    expect(numbers.body[0]).toEqual({
      phoneNumberId: META_NUMBER.phoneNumberId,
      displayPhoneNumber: META_NUMBER.displayPhoneNumber,
      wabaId: META_NUMBER.wabaId,
      webhookUrl: `${receiver.url}/webhooks/whatsapp/inbox-1`,
    });
    expect(JSON.stringify(numbers.body)).not.toContain(META_NUMBER.accessToken);
    expect(JSON.stringify(numbers.body)).not.toContain(META_NUMBER.appSecret);
  });
});

describe('WhatsApp Cloud API: verifying the callback URL', () => {
  it('sends Meta’s hub.challenge with the verify token and reports whether the app echoed it', async () => {
    const app = (await import('fastify')).default();
    app.get<{ Querystring: Record<string, string> }>(
      '/webhooks/whatsapp/inbox-1',
      async (request, reply) =>
        request.query['hub.mode'] === 'subscribe' &&
        request.query['hub.verify_token'] === 'sandbox-verify-token'
          ? reply.type('text/plain').send(request.query['hub.challenge'])
          : reply.status(403).send(),
    );
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const sandbox = await startSandbox({ metaWebhookUrl: `${appUrl}/webhooks/whatsapp/inbox-1` });
    try {
      const verify = (body: Record<string, unknown>) =>
        postJson(sandbox.url, '/sandbox/meta/webhook-verify', body);
      expect(
        (await verify({ business: META_NUMBER.phoneNumberId, verifyToken: 'sandbox-verify-token' }))
          .body,
      ).toEqual({
        status: 200,
        verified: true,
      });
      expect(
        (await verify({ business: META_NUMBER.displayPhoneNumber, verifyToken: 'wrong' })).body,
      ).toEqual({
        status: 403,
        verified: false,
      });
      expect((await verify({ business: META_NUMBER.phoneNumberId })).status).toBe(400);
    } finally {
      await sandbox.app.close();
      await app.close();
    }
  });
});
