import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adapterFor,
  explainTwilioError,
  twilioClient,
  type ChannelEnvironment,
  type InboxConnection,
  type OutboundMessage,
} from '../src/index';
import { startFakeProvider, type FakeProvider } from './fake-provider';
import { twilioFixture } from './load-fixture';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'sandbox-twilio-token';
const adapter = adapterFor('whatsapp_twilio');

const connection: InboxConnection = {
  address: '+14155238886',
  externalId: ACCOUNT_SID,
  credentials: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
};

const reply: OutboundMessage = {
  id: 'message-1',
  to: '+16505551234',
  text: 'Your order ships tomorrow.',
  statusCallbackUrl: 'https://switchboard.example/webhooks/twilio/inbox-1/status',
};

const basicAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

let servers: FakeProvider[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** A Twilio stand-in answering Messages and Content API calls as Twilio documents them. */
async function startTwilio(
  contents: (page: string | null) => unknown = () => twilioFixture('content-and-approvals'),
) {
  const server = await startFakeProvider((request) => {
    if (request.path === `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`) {
      return {
        status: 201,
        json: {
          sid: 'SM0123456789abcdef0123456789abcdef',
          account_sid: ACCOUNT_SID,
          status: 'queued',
          date_created: 'Thu, 19 Jun 2025 10:00:00 +0000',
        },
      };
    }
    if (request.path === '/v1/ContentAndApprovals')
      return { json: contents(request.query.get('PageToken')) };
    return { status: 404, json: { code: 20404, message: 'not found', status: 404 } };
  });
  servers.push(server);
  const env: ChannelEnvironment = {
    twilioApiBase: server.url,
    metaGraphBase: 'http://127.0.0.1:9',
  };
  return { server, env };
}

describe('Twilio WhatsApp inbound messages', () => {
  it('reads the sender profile name and WhatsApp id', () => {
    expect(adapter.normalize(twilioFixture('whatsapp-text'), 'message')).toEqual([
      {
        type: 'message',
        providerMessageId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
        from: { kind: 'whatsapp', address: '+16505551234', displayName: 'Sheena Nelson' },
        to: '+14155238886',
        text: 'Hello, is my order on its way?',
        attachments: [],
        metadata: { segments: 1, waId: '16505551234' },
      },
    ]);
  });

  it('keeps media with its Twilio URL and the body as caption', () => {
    const [message] = adapter.normalize(twilioFixture('whatsapp-media'), 'message');
    expect(message).toMatchObject({
      text: 'This is what arrived',
      attachments: [
        {
          url: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/MM9a3d1b0e27c2f8b4a6e5d3c2b1a0f9e8/Media/ME1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f`,
          contentType: 'image/jpeg',
        },
      ],
    });
  });

  it('shows a shared location as text', () => {
    const [message] = adapter.normalize(twilioFixture('whatsapp-location'), 'message');
    expect(message).toMatchObject({
      text: '📍 Our office · 37.7749, -122.4194',
      metadata: { location: { latitude: 37.7749, longitude: -122.4194, label: 'Our office' } },
    });
  });

  it('reads a template button tap with its payload and the message it answers', () => {
    const [message] = adapter.normalize(twilioFixture('whatsapp-button'), 'message');
    expect(message).toMatchObject({
      text: 'Track my order',
      metadata: {
        button: { payload: 'track_order', text: 'Track my order' },
        replyToProviderId: 'SM4d0f6b8c2e4a6b8d0f2c4e6a8b0d2f4c',
      },
    });
  });

  it('links a quoted reply to the message it quotes', () => {
    const [message] = adapter.normalize(twilioFixture('whatsapp-reply'), 'message');
    expect(message).toMatchObject({
      text: 'Yes, that one',
      metadata: { replyToProviderId: 'SM6f2b8d0e4a6c8e0a2b4d6f8c0e2a4b6d' },
    });
  });

  it('ignores stored fields that are not strings', () => {
    const [message] = adapter.normalize(
      { ...twilioFixture('whatsapp-text'), Body: 42, ProfileName: null },
      'message',
    );
    expect(message).toMatchObject({ text: '', from: { address: '+16505551234' } });
  });

  it('verifies a request Twilio signed and rejects it once changed', () => {
    const fields = twilioFixture('whatsapp-text') as Record<string, string>;
    const url = 'https://switchboard.example/webhooks/twilio/inbox-1';
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, fields);
    const request = {
      body: Buffer.alloc(0),
      headers: { 'x-twilio-signature': signature },
      fields,
      url,
    };
    expect(adapter.verify(request, connection)).toEqual({ ok: true });
    expect(
      adapter.verify(
        { ...request, fields: { ...fields, Body: 'Hello, is my order on its way!' } },
        connection,
      ),
    ).toMatchObject({ ok: false });
  });

  it('explains a send refused outside the 24-hour window', () => {
    expect(adapter.normalize(twilioFixture('whatsapp-status-failed'), 'status')).toEqual([
      {
        type: 'status',
        providerMessageId: 'SM7a3c9e1f5b7d9f1b3c5e7a9d1f3b5c7e',
        status: 'failed',
        errorCode: '63016',
        errorMessage:
          'More than 24 hours have passed since the customer last wrote on WhatsApp; only an approved template can be sent now.',
      },
    ]);
  });
});

describe('sending WhatsApp templates and media through Twilio', () => {
  it('sends an approved template by Content SID with numbered variables instead of a body', async () => {
    const { server, env } = await startTwilio();
    const result = await adapter.send(
      {
        ...reply,
        template: {
          name: 'order_update',
          language: 'en',
          parameters: ['Mark', 'A-1042'],
          externalId: 'HX0123456789abcdef0123456789abcdef',
        },
      },
      connection,
      env,
    );
    expect(result).toEqual({ providerMessageId: 'SM0123456789abcdef0123456789abcdef' });
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(basicAuth);
    const form = new URLSearchParams(request!.body.toString());
    expect(form.get('To')).toBe('whatsapp:+16505551234');
    expect(form.get('From')).toBe('whatsapp:+14155238886');
    expect(form.get('ContentSid')).toBe('HX0123456789abcdef0123456789abcdef');
    expect(JSON.parse(form.get('ContentVariables')!)).toEqual({ '1': 'Mark', '2': 'A-1042' });
    expect(form.has('Body')).toBe(false);
  });

  it('sends files by their public URLs with the text as caption', async () => {
    const { server, env } = await startTwilio();
    await adapter.send(
      {
        ...reply,
        text: 'Here is your label',
        media: [
          {
            url: 'https://files.example/label.png',
            contentType: 'image/png',
            fileName: 'label.png',
            data: Buffer.alloc(0),
          },
          {
            url: 'https://files.example/invoice.pdf',
            contentType: 'application/pdf',
            fileName: 'invoice.pdf',
            data: Buffer.alloc(0),
          },
        ],
      },
      connection,
      env,
    );
    const form = new URLSearchParams(server.requests[0]!.body.toString());
    expect(form.getAll('MediaUrl')).toEqual([
      'https://files.example/label.png',
      'https://files.example/invoice.pdf',
    ]);
    expect(form.get('Body')).toBe('Here is your label');
  });
});

describe('Twilio WhatsApp templates', () => {
  it('lists Content templates with their WhatsApp approval from the Content API on the base', async () => {
    const { server, env } = await startTwilio();
    const templates = await adapter.listTemplates!(connection, env);

    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/v1/ContentAndApprovals');
    expect(request?.headers.authorization).toBe(basicAuth);
    expect(templates).toEqual([
      {
        name: 'order_update',
        language: 'en',
        category: 'UTILITY',
        status: 'APPROVED',
        body: 'Hi {{1}}, your order {{2}} is on its way.',
        parameterCount: 2,
        externalId: 'HX0123456789abcdef0123456789abcdef',
      },
      {
        name: 'delivery_choice',
        language: 'es',
        category: 'UTILITY',
        status: 'PENDING',
        body: '¿Entregamos el {{1}}?',
        parameterCount: 1,
        externalId: 'HXfedcba9876543210fedcba9876543210',
      },
    ]);
  });

  it('follows next pages Twilio addresses on content.twilio.com to the base', async () => {
    const first = twilioFixture('content-and-approvals');
    const { server, env } = await startTwilio((pageToken) =>
      pageToken === 'PT1'
        ? {
            ...first,
            contents: first.contents.slice(1),
            meta: { ...first.meta, page: 1, next_page_url: null },
          }
        : {
            ...first,
            contents: first.contents.slice(0, 1),
            meta: {
              ...first.meta,
              next_page_url:
                'https://content.twilio.com/v1/ContentAndApprovals?PageSize=100&Page=1&PageToken=PT1',
            },
          },
    );
    const templates = await adapter.listTemplates!(connection, env);
    expect(templates.map((template) => template.name)).toEqual(['order_update', 'delivery_choice']);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.query.get('PageToken')).toBe('PT1');
    expect(server.requests[1]?.headers.authorization).toBe(basicAuth);
  });

  it('offers no templates on SMS inboxes', () => {
    expect('listTemplates' in adapterFor('sms_twilio')).toBe(false);
  });
});

describe('the Twilio client on TWILIO_API_BASE', () => {
  it('sends the credentials to the base for any Twilio product host, and nowhere else', async () => {
    const { server, env } = await startTwilio();
    const elsewhere = await startFakeProvider(() => ({ json: {} }));
    servers.push(elsewhere);
    const client = twilioClient(ACCOUNT_SID, AUTH_TOKEN, env.twilioApiBase);

    await client.request({ method: 'get', uri: 'https://messaging.twilio.com/v1/Services' });
    await client.request({ method: 'get', uri: `${elsewhere.url}/collect` });

    expect(server.requests.map((request) => request.path)).toEqual(['/v1/Services']);
    expect(server.requests[0]?.headers.authorization).toBe(basicAuth);
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('Twilio WhatsApp error explanations', () => {
  it.each([
    ['63016', /24 hours have passed since the customer last wrote on WhatsApp/],
    ['63018', /limited how fast this number can send/],
    ['63024', /not a valid WhatsApp user/],
    ['63032', /WhatsApp did not deliver this message/],
    ['63112', /disabled or restricted the WhatsApp Business account/],
  ])('explains %s', (code, sentence) => {
    expect(explainTwilioError(code, 'Twilio says something technical')).toMatch(sentence);
  });
});
