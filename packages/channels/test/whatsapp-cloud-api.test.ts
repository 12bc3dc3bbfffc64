import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adapterFor,
  ChannelError,
  type ChannelEnvironment,
  type InboxConnection,
  type OutboundMessage,
} from '../src/index';
import {
  formOf,
  jsonOf,
  startFakeProvider,
  type FakeAnswer,
  type FakeProvider,
  type RecordedRequest,
} from './fake-provider';
import { metaFixture } from './load-fixture';
import {
  committedExtract,
  freshExtract,
  hasSharedSpec,
  messagesApi,
  schemaViolations,
} from './meta-spec';

const adapter = adapterFor('whatsapp_cloud');
const PHONE_NUMBER_ID = '106540352242922';
const WABA_ID = '102290129340398';
const TOKEN = 'sandbox-access-token';

const connection: InboxConnection = {
  address: '+15550783881',
  externalId: PHONE_NUMBER_ID,
  credentials: {
    accessToken: TOKEN,
    appSecret: 'sandbox-app-secret',
    verifyToken: 'sandbox-verify-token',
    wabaId: WABA_ID,
  },
};

const reply: OutboundMessage = {
  id: 'message-1',
  to: '+16505551234',
  text: 'Your order ships tomorrow.',
  statusCallbackUrl: 'https://switchboard.example/unused',
};

let meta: FakeProvider;
afterEach(() => meta?.close());

/** A Graph API stand-in that answers each path like Meta's documented examples. */
async function startGraph(
  answer: (request: RecordedRequest) => FakeAnswer | undefined = () => undefined,
) {
  meta = await startFakeProvider(
    (request) =>
      answer(request) ??
      (request.path.endsWith('/media')
        ? { json: metaFixture('upload-media-answer') }
        : { json: metaFixture('send-message-answer') }),
  );
  const env: ChannelEnvironment = { twilioApiBase: 'http://127.0.0.1:9', metaGraphBase: meta.url };
  return env;
}

const messagesPath = `/v23.0/${PHONE_NUMBER_ID}/messages`;
const sentBodies = () =>
  meta.requests.filter((request) => request.path === messagesPath).map(jsonOf);

function expectValidAgainstSpec(body: unknown) {
  expect(schemaViolations(messagesApi.sendMessage, body)).toEqual([]);
}

async function channelErrorOf(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe("Meta's description of the messages endpoint", () => {
  it.runIf(hasSharedSpec)('matches the committed extract', () => {
    expect(freshExtract()).toEqual(committedExtract());
  });

  it('catches bodies Meta would refuse', () => {
    expect(
      schemaViolations(messagesApi.sendMessage, { type: 'text', text: { body: 'hi' } }),
    ).toEqual(expect.arrayContaining(['$.messaging_product is missing', '$.to is missing']));
    expect(
      schemaViolations(messagesApi.sendMessage, {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '16505551234',
        type: 'text',
        text: { body: 'hi', preview: false },
      }),
    ).toEqual(['$.text.preview is not allowed']);
  });
});

describe('sending through the WhatsApp Cloud API', () => {
  it('sends text without link previews, with the bearer token, and returns the wamid', async () => {
    const env = await startGraph();
    const result = await adapter.send(reply, connection, env);

    expect(result).toEqual({
      providerMessageId: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJBQ0NFUFRFRF9TRU5EAA==',
    });
    const [request] = meta.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(messagesPath);
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = jsonOf(request!);
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '16505551234',
      type: 'text',
      text: { body: 'Your order ships tomorrow.', preview_url: false },
    });
    expectValidAgainstSpec(body);
  });

  it('quotes the customer message it answers', async () => {
    const env = await startGraph();
    await adapter.send({ ...reply, replyToProviderMessageId: 'wamid.CUSTOMER' }, connection, env);
    const [body] = sentBodies();
    expect(body.context).toEqual({ message_id: 'wamid.CUSTOMER' });
    expectValidAgainstSpec(body);
  });

  it('sends a template by name and language with its body parameters', async () => {
    const env = await startGraph();
    await adapter.send(
      {
        ...reply,
        template: {
          name: 'order_update',
          language: 'en_US',
          parameters: ['Mark', 'A-1042', 'Friday'],
        },
      },
      connection,
      env,
    );
    const [body] = sentBodies();
    expect(body).toMatchObject({
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Mark' },
              { type: 'text', text: 'A-1042' },
              { type: 'text', text: 'Friday' },
            ],
          },
        ],
      },
    });
    expect(body.text).toBeUndefined();
    expectValidAgainstSpec(body);
  });

  it('sends a template without parameters without components', async () => {
    const env = await startGraph();
    await adapter.send(
      { ...reply, template: { name: 'hello_world', language: 'en_US', parameters: [] } },
      connection,
      env,
    );
    const [body] = sentBodies();
    expect(body.template.components).toBeUndefined();
    expectValidAgainstSpec(body);
  });

  it('uploads each file first and sends it by media id, the text as caption', async () => {
    let uploads = 0;
    const env = await startGraph((request) =>
      request.path.endsWith('/media') ? { json: { id: `media-${++uploads}` } } : undefined,
    );
    await adapter.send(
      {
        ...reply,
        text: 'Here is your invoice',
        replyToProviderMessageId: 'wamid.CUSTOMER',
        media: [
          {
            url: 'https://files.example/a',
            contentType: 'application/pdf',
            fileName: 'invoice.pdf',
            data: Buffer.from('%PDF-1.7'),
          },
          {
            url: 'https://files.example/b',
            contentType: 'image/png',
            fileName: 'label.png',
            data: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
          },
        ],
      },
      connection,
      env,
    );

    const uploadsMade = meta.requests.filter(
      (request) => request.path === `/v23.0/${PHONE_NUMBER_ID}/media`,
    );
    expect(uploadsMade).toHaveLength(2);
    const form = await formOf(uploadsMade[0]!);
    expect(uploadsMade[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(form.get('messaging_product')).toBe('whatsapp');
    expect(form.get('type')).toBe('application/pdf');
    const file = form.get('file') as File;
    expect(file.name).toBe('invoice.pdf');
    expect(file.type).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.7');
    for (const name of form.keys()) {
      expect([...Object.keys(messagesApi.uploadMedia.properties ?? {}), 'type']).toContain(name);
    }

    const bodies = sentBodies();
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toMatchObject({
      type: 'document',
      document: { id: 'media-1', caption: 'Here is your invoice', filename: 'invoice.pdf' },
      context: { message_id: 'wamid.CUSTOMER' },
    });
    expect(bodies[1]).toMatchObject({ type: 'image', image: { id: 'media-2' } });
    expect(bodies[1].image.caption).toBeUndefined();
    expect(bodies[1].context).toBeUndefined();
    bodies.forEach(expectValidAgainstSpec);
  });

  it('sends the text on its own before a voice note, since audio takes no caption', async () => {
    const env = await startGraph();
    await adapter.send(
      {
        ...reply,
        text: 'Listen to this',
        media: [
          {
            url: 'https://files.example/c',
            contentType: 'audio/ogg',
            fileName: 'note.ogg',
            data: Buffer.from('OggS'),
          },
        ],
      },
      connection,
      env,
    );
    const bodies = sentBodies();
    expect(bodies.map((body) => body.type)).toEqual(['text', 'audio']);
    expect(bodies[1].audio).toEqual({ id: '4490709327384033' });
    bodies.forEach(expectValidAgainstSpec);
  });

  it('refuses to send when the inbox has no access token', async () => {
    const env = await startGraph();
    const error = await channelErrorOf(
      adapter.send(reply, { ...connection, credentials: {} }, env),
    );
    expect(error).toMatchObject({ retryable: false, code: 'credentials' });
    expect(meta.requests).toHaveLength(0);
  });
});

describe('WhatsApp Cloud API errors', () => {
  it('explains the closed 24-hour window and does not retry', async () => {
    const env = await startGraph(() => ({ status: 400, json: metaFixture('error-131047') }));
    const error = await channelErrorOf(adapter.send(reply, connection, env));
    expect(error.retryable).toBe(false);
    expect(error.code).toBe('131047');
    expect(error.message).toBe(
      'More than 24 hours have passed since the customer last wrote. Only an approved template can be sent now.',
    );
  });

  it('retries a throughput limit as rate limited', async () => {
    const env = await startGraph(() => ({ status: 400, json: metaFixture('error-130429') }));
    const error = await channelErrorOf(adapter.send(reply, connection, env));
    expect(error.options).toMatchObject({ retryable: true, code: 'rate_limited', httpStatus: 400 });
  });

  it('retries an HTTP 429 after the Retry-After Meta gives', async () => {
    const env = await startGraph(() => ({
      status: 429,
      headers: { 'retry-after': '30' },
      json: metaFixture('error-130429'),
    }));
    const error = await channelErrorOf(adapter.send(reply, connection, env));
    expect(error.options).toMatchObject({
      retryable: true,
      code: 'rate_limited',
      retryAfterMs: 30_000,
    });
  });

  it('waits a minute after the per-customer pair rate limit', async () => {
    const env = await startGraph(() => ({ status: 400, json: metaFixture('error-131056') }));
    const error = await channelErrorOf(adapter.send(reply, connection, env));
    expect(error.options).toMatchObject({
      retryable: true,
      code: 'rate_limited',
      retryAfterMs: 60_000,
    });
  });

  it('tells an admin to update an expired token, without retrying', async () => {
    const env = await startGraph(() => ({ status: 401, json: metaFixture('error-190') }));
    const error = await channelErrorOf(adapter.send(reply, connection, env));
    expect(error.options).toMatchObject({ retryable: false, code: '190', httpStatus: 401 });
    expect(error.message).toMatch(/access token has expired/);
  });

  it("retries Meta's temporary errors and server errors", async () => {
    let env = await startGraph(() => ({ status: 500, json: metaFixture('error-131000') }));
    expect((await channelErrorOf(adapter.send(reply, connection, env))).options).toMatchObject({
      retryable: true,
      code: '131000',
    });
    await meta.close();
    env = await startGraph(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    expect((await channelErrorOf(adapter.send(reply, connection, env))).options).toMatchObject({
      retryable: true,
      code: '502',
    });
  });

  it('retries a send that never reached Meta', async () => {
    const closed = await startFakeProvider(() => ({ json: {} }));
    await closed.close();
    const error = await channelErrorOf(
      adapter.send(reply, connection, { twilioApiBase: '', metaGraphBase: closed.url }),
    );
    expect(error.options).toMatchObject({ retryable: true, code: 'network' });
  });

  it('treats a connection reset after sending as an unknown outcome', async () => {
    const resetting = createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve));
    const port = (resetting.address() as { port: number }).port;
    try {
      const error = await channelErrorOf(
        adapter.send(reply, connection, {
          twilioApiBase: '',
          metaGraphBase: `http://127.0.0.1:${port}`,
        }),
      );
      expect(error.options).toMatchObject({ retryable: true, code: 'unknown_outcome' });
    } finally {
      resetting.close();
    }
  });

  it('cannot look a lost send up at Meta', async () => {
    const env = await startGraph();
    expect(await adapter.findSent(reply, connection, env, new Date())).toBeNull();
    expect(meta.requests).toHaveLength(0);
  });
});

describe('WhatsApp Cloud read receipts', () => {
  it('marks the customer message read', async () => {
    const env = await startGraph(() => ({ json: metaFixture('mark-read-answer') }));
    await adapter.markRead!('wamid.CUSTOMER', connection, env);
    const [request] = meta.requests;
    expect(request?.path).toBe(messagesPath);
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const body = jsonOf(request!);
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.CUSTOMER',
    });
    // The spec gives the read receipt only as an example; every field sent must be one of its.
    const example = messagesApi.readReceiptExample;
    for (const [name, value] of Object.entries(body)) {
      expect(example).toHaveProperty(name);
      if (name !== 'message_id') expect(value).toBe(example[name]);
    }
  });
});

describe('WhatsApp Cloud templates', () => {
  it('lists every page through the after cursor on the configured base', async () => {
    const env = await startGraph((request) =>
      request.path === `/v23.0/${WABA_ID}/message_templates`
        ? {
            json: metaFixture(
              request.query.get('after') === 'MjQZD' ? 'templates-page-2' : 'templates-page-1',
            ),
          }
        : undefined,
    );
    const templates = await adapter.listTemplates!(connection, env);

    expect(meta.requests).toHaveLength(2);
    const [first, second] = meta.requests;
    expect(first?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(first?.query.get('limit')).toBe('100');
    expect(first?.query.get('after')).toBeNull();
    expect(second?.query.get('after')).toBe('MjQZD');
    const fields = first?.query.get('fields')?.split(',') ?? [];
    expect([...fields].sort()).toEqual(messagesApi.templateFields);

    expect(templates).toEqual([
      {
        name: 'order_update',
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        body: 'Hi {{1}}, your order {{2}} is on its way and should arrive by {{3}}.',
        parameterCount: 3,
        externalId: '1192339204654487',
      },
      expect.objectContaining({ name: 'hello_world', parameterCount: 0, category: 'MARKETING' }),
      expect.objectContaining({ name: '2023_april_promo', status: 'REJECTED', parameterCount: 2 }),
    ]);
  });

  it('needs the WhatsApp Business account id', async () => {
    const env = await startGraph();
    const error = await channelErrorOf(
      adapter.listTemplates!({ ...connection, credentials: { accessToken: TOKEN } }, env),
    );
    expect(error).toMatchObject({ retryable: false, code: 'credentials' });
  });
});

describe('downloading WhatsApp Cloud media', () => {
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

  /** Meta's two steps: the media id answers with a URL, the URL answers with the bytes. */
  async function startMedia(info: (base: string) => Record<string, unknown>) {
    const env = await startGraph((request) => {
      if (request.path === '/v23.0/1003383421387256') return { json: info(meta.url) };
      if (request.path === '/whatsapp_business/attachments/') {
        return { headers: { 'content-type': 'image/jpeg' }, body: photo };
      }
      return { status: 404, json: {} };
    });
    return env;
  }

  const documented = (url: string) => ({
    ...metaFixture('media-url-answer'),
    url,
    file_size: String(photo.length),
  });

  it('fetches the URL for the media id, then the file with the same token', async () => {
    const env = await startMedia((base) =>
      documented(`${base}/whatsapp_business/attachments/?mid=1003383421387256`),
    );
    const file = await adapter.fetchMedia('1003383421387256', connection, env, 1024);

    expect(file).toEqual({ data: photo, contentType: 'image/jpeg' });
    const [lookup, download] = meta.requests;
    expect(lookup?.path).toBe('/v23.0/1003383421387256');
    expect(lookup?.query.get('phone_number_id')).toBe(PHONE_NUMBER_ID);
    expect(lookup?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(download?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('refuses to send the token to a host that is not Meta', async () => {
    const env = await startMedia(() =>
      documented('https://attacker.example/whatsapp_business/attachments/'),
    );
    const error = await channelErrorOf(
      adapter.fetchMedia('1003383421387256', connection, env, 1024),
    );
    expect(error).toMatchObject({ retryable: false, code: 'untrusted_media_host' });
    expect(meta.requests).toHaveLength(1);
  });

  it('refuses plain http and look-alike hosts', async () => {
    for (const url of [
      'http://lookaside.fbsbx.com/whatsapp_business/attachments/',
      'https://lookaside.fbsbx.com.attacker.example/x',
      'https://notfacebook.com/x',
    ]) {
      await meta?.close();
      const env = await startMedia(() => documented(url));
      const error = await channelErrorOf(
        adapter.fetchMedia('1003383421387256', connection, env, 1024),
      );
      expect(error.code).toBe('untrusted_media_host');
    }
  });

  it('refuses a file Meta declares larger than allowed, before downloading it', async () => {
    const env = await startMedia((base) => ({
      ...documented(`${base}/whatsapp_business/attachments/`),
      file_size: '303833',
    }));
    const error = await channelErrorOf(
      adapter.fetchMedia('1003383421387256', connection, env, 1024),
    );
    expect(error).toMatchObject({ retryable: false, code: 'too_large' });
    expect(meta.requests).toHaveLength(1);
  });

  it('stops a download that turns out larger than allowed', async () => {
    const env = await startMedia((base) => ({
      ...documented(`${base}/whatsapp_business/attachments/`),
      file_size: '4',
    }));
    const error = await channelErrorOf(adapter.fetchMedia('1003383421387256', connection, env, 4));
    expect(error).toMatchObject({ retryable: false, code: 'too_large' });
  });

  it('refuses a type agents may not receive', async () => {
    const env = await startMedia((base) => ({
      ...documented(`${base}/whatsapp_business/attachments/`),
      mime_type: 'application/x-msdownload',
    }));
    const error = await channelErrorOf(
      adapter.fetchMedia('1003383421387256', connection, env, 1024),
    );
    expect(error).toMatchObject({ retryable: false, code: 'type_not_allowed' });
  });
});
