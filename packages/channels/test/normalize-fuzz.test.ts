import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import twilio from 'twilio';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  adapterFor,
  parseEmail,
  splitCloudWebhook,
  verifySubscription,
  type EventPayload,
  type InboundEvent,
  type InboxConnection,
  type InboxKindName,
  type ParseEmailOptions,
} from '../src/index';
import { storedEmailSchema } from '../src/email/stored-email';

/**
 * Property-based fuzz of every adapter's verify and normalize: whatever a provider, a broken
 * client or an attacker sends, the worker gets well-formed events or the adapter's documented
 * refusal, never a crash in the middle of a batch. Runs are bounded so the file stays fast.
 */

// ─── What a well-formed event is ──────────────────────────────────────────────────────────────

const nonEmpty = z.string().min(1);
/** Files are offered for download under this name: no folders, nothing that climbs out of one. */
const safeFileName = nonEmpty.refine(
  (name) => !/[\\/]/.test(name) && name !== '.' && name !== '..',
  'a file name with a folder in it',
);
const validDate = z.date().refine((date) => Number.isFinite(date.getTime()), 'an invalid date');
const jsonObject = z.record(z.string(), z.unknown()).refine((value) => {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}, 'metadata that cannot be stored as JSON');
const identity = z.strictObject({
  kind: z.enum(['phone', 'whatsapp', 'email', 'web']),
  address: z.string(),
  displayName: z.string().optional(),
});
const attachment = z.strictObject({
  url: z.string(),
  contentType: z.string(),
  fileName: safeFileName.optional(),
  data: z.instanceof(Buffer).optional(),
  refused: z.string().optional(),
});
const emailPart = z.strictObject({
  messageId: nonEmpty,
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  subject: z.string(),
  html: z.string().nullable(),
  quoted: z.string().nullable(),
  recipients: z.array(z.string()),
  automatic: z.boolean(),
  malformed: z.string().optional(),
});
const inboundEvent = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('message'),
    providerMessageId: nonEmpty,
    from: identity,
    to: z.string(),
    text: z.string(),
    attachments: z.array(attachment),
    occurredAt: validDate.optional(),
    metadata: jsonObject,
    email: emailPart.optional(),
  }),
  z.strictObject({
    type: z.literal('status'),
    providerMessageId: nonEmpty,
    status: z.enum(['sent', 'delivered', 'read', 'failed']),
    errorCode: nonEmpty.optional(),
    errorMessage: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('reaction'),
    providerMessageId: nonEmpty,
    targetProviderMessageId: nonEmpty,
    emoji: z.string(),
    from: identity,
    occurredAt: validDate.optional(),
  }),
  z.strictObject({
    type: z.literal('bounce'),
    originalMessageId: z.string(),
    reason: z.string(),
    statusCode: z.string().nullable(),
  }),
]);

function expectWellFormed(events: InboundEvent[], types: InboundEvent['type'][]) {
  const parsed = z.array(inboundEvent).safeParse(events);
  if (!parsed.success) throw new Error(`malformed events: ${z.prettifyError(parsed.error)}`);
  for (const event of events) expect(types).toContain(event.type);
}

/** Postgres refuses NUL and unpaired surrogates in JSON text: such a payload could not be stored. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function expectStorable(value: unknown, path = '$') {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value))
      throw new Error(`unstorable text at ${path}: ${JSON.stringify(value.slice(0, 80))}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => expectStorable(item, `${path}[${index}]`));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) expectStorable(item, `${path}.${key}`);
  }
}

// ─── Adversarial input ────────────────────────────────────────────────────────────────────────

const adversarial = fc.constantFrom(
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  "'; DROP TABLE messages; --",
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '..',
  '.',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202eexe.pdf',
  '\r\n\r\nInjected: yes',
  '%00%2e%2e%2f',
  '{{1}}',
  '${process.exit()}',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '99999999999999999999999',
  'whatsapp:',
  'whatsapp:+14155550100',
  '+14155550100',
);
const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));
/** Long fields, bounded so a run stays fast: up to 64 KB of a repeated piece. */
const hugeText = fc
  .tuple(
    fc.oneof(adversarial, fc.string({ maxLength: 8 })),
    fc.integer({ min: 1_000, max: 64_000 }),
  )
  .map(([piece, length]) => {
    const unit = piece || 'x';
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });
const text = fc.oneof(
  { arbitrary: adversarial, weight: 4 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  {
    arbitrary: fc.string({
      unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate),
      maxLength: 12,
    }),
    weight: 2,
  },
  { arbitrary: hugeText, weight: 1 },
);
const scalar = fc.oneof(
  { arbitrary: text, weight: 4 },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_SAFE_INTEGER, 1e21),
);
const key = fc.oneof(adversarial, fc.string({ maxLength: 12 }));
/** Nested garbage as a JSON body can hold it (plus undefined, NaN and Infinity). */
const { value: garbage } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
}));
const garbageObject = fc.dictionary(key, garbage, { maxKeys: 6, noNullPrototype: true });

/** Mostly the expected shape, sometimes anything at all in its place. */
const maybe = <T>(shape: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: shape, weight: 4 }, { arbitrary: garbage, weight: 1 });
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) =>
  fc.record(model, { requiredKeys: [], noNullPrototype: true });

// Real provider payloads with a few values removed or replaced: the shapes that almost parse.
type Path = (string | number)[];
type Mutation = { at: number; change: { remove: true } | { value: unknown } };

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, item]) => {
    const path = [...prefix, Array.isArray(value) ? Number(name) : name];
    return [path, ...pathsOf(item, path)];
  });
}

function applyMutations(document: unknown, mutations: Mutation[]): EventPayload {
  const copy = JSON.parse(JSON.stringify(document)) as EventPayload;
  for (const { at, change } of mutations) {
    const paths = pathsOf(copy);
    const path = paths[at % paths.length];
    if (!path) continue;
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[step];
    const container = parent as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if ('remove' in change) delete container[last];
    else container[last] = change.value;
  }
  return copy;
}

const mutation = fc.record({
  at: fc.nat(),
  change: fc.oneof(
    fc.constant({ remove: true as const }),
    fc.oneof(garbage, text).map((value) => ({ value })),
  ),
});
const mutated = (documents: unknown[]) =>
  fc
    .tuple(fc.constantFrom(...documents), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([document, mutations]) => applyMutations(document, mutations));

const fixturesIn = (folder: string, extension: string) => {
  const directory = new URL(`./fixtures/${folder}/`, import.meta.url);
  return readdirSync(directory)
    .filter((name) => name.endsWith(extension))
    .map((name) => readFileSync(new URL(name, directory)));
};
const jsonFixtures = (folder: string) =>
  fixturesIn(folder, '.json').map((bytes) => JSON.parse(bytes.toString('utf8')) as unknown);

/** What the worker reads back: every stored payload has been through JSON (Postgres jsonb). */
const stored = (payload: unknown) => JSON.parse(JSON.stringify(payload)) as EventPayload;

const connection: InboxConnection = {
  address: '+15550001111',
  externalId: 'phone-number-id',
  credentials: {
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'twilio-auth-token',
    appSecret: 'meta-app-secret',
    verifyToken: 'verify-me',
  },
};
const publicUrl = 'https://switchboard.example';

// ─── Twilio (SMS and WhatsApp): form fields ───────────────────────────────────────────────────

const twilioFieldNames = [
  'MessageSid',
  'SmsMessageSid',
  'SmsSid',
  'From',
  'To',
  'Body',
  'NumMedia',
  ...Array.from({ length: 11 }, (_, index) => [
    `MediaUrl${index}`,
    `MediaContentType${index}`,
  ]).flat(),
  'Latitude',
  'Longitude',
  'Label',
  'Address',
  'ProfileName',
  'FromCountry',
  'NumSegments',
  'WaId',
  'ButtonPayload',
  'ButtonText',
  'OriginalRepliedMessageSid',
  'MessageStatus',
  'SmsStatus',
  'ErrorCode',
  'ErrorMessage',
];
const twilioValue = fc.oneof(
  { arbitrary: text, weight: 4 },
  {
    arbitrary: fc.constantFrom(
      'SM0123456789abcdef0123456789abcdef',
      'sent',
      'delivered',
      'read',
      'undelivered',
      'failed',
      'queued',
      '2',
      '11',
      '-3',
      '0x10',
      '37.7749',
      'whatsapp:+14155550100',
      'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      '63016',
      '21610',
    ),
    weight: 3,
  },
  { arbitrary: garbage, weight: 1 },
);
const twilioPayload = fc
  .tuple(
    partial(Object.fromEntries(twilioFieldNames.map((name) => [name, twilioValue]))),
    garbageObject,
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

describe('Twilio adapters under arbitrary form fields', () => {
  const cases = [
    ['sms_twilio', 'message'],
    ['sms_twilio', 'status'],
    ['whatsapp_twilio', 'message'],
    ['whatsapp_twilio', 'status'],
  ] as const;
  const twilioFixtures = jsonFixtures('twilio').filter(
    (fixture) => typeof (fixture as EventPayload).MessageSid === 'string',
  );

  it.each(cases)('%s normalizes any %s webhook into well-formed events', (kind, eventKind) => {
    const adapter = adapterFor(kind);
    fc.assert(
      fc.property(fc.oneof(twilioPayload, garbageObject, mutated(twilioFixtures)), (payload) => {
        expectWellFormed(adapter.normalize(payload, eventKind), [eventKind]);
        expectWellFormed(adapter.normalize(stored(payload), eventKind), [eventKind]);
      }),
      { numRuns: 300 },
    );
  });

  const request = fc.record({
    path: text,
    fields: fc.dictionary(fc.oneof(fc.constantFrom(...twilioFieldNames), key), text, {
      maxKeys: 8,
      noNullPrototype: true,
    }),
  });

  it('refuses any unsigned or wrongly signed request without throwing', () => {
    const adapter = adapterFor('sms_twilio');
    fc.assert(
      fc.property(request, fc.option(text, { nil: undefined }), ({ path, fields }, signature) => {
        const result = adapter.verify(
          {
            body: Buffer.from(new URLSearchParams(fields).toString()),
            headers: { 'x-twilio-signature': signature },
            fields,
            url: `${publicUrl}/webhooks/twilio/${path}`,
          },
          connection,
        );
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).not.toBe('');
      }),
      { numRuns: 200 },
    );
  });

  it('accepts exactly the fields Twilio signed, however odd they are', () => {
    const adapter = adapterFor('whatsapp_twilio');
    fc.assert(
      fc.property(request, ({ path, fields }) => {
        const url = `${publicUrl}/webhooks/twilio/${path}`;
        const signature = twilio.getExpectedTwilioSignature(
          connection.credentials.authToken!,
          url,
          fields,
        );
        const signed = { body: Buffer.alloc(0), headers: { 'x-twilio-signature': signature }, url };
        expect(adapter.verify({ ...signed, fields }, connection)).toEqual({ ok: true });
        const tampered = { ...fields, Body: `${fields.Body ?? ''} (changed)` };
        expect(adapter.verify({ ...signed, fields: tampered }, connection).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

// ─── WhatsApp Cloud: Meta's JSON webhooks ─────────────────────────────────────────────────────

const metaId = fc.oneof(text, fc.constantFrom('wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQz', '16505551234'));
const media = partial({
  id: maybe(metaId),
  mime_type: maybe(fc.oneof(text, fc.constantFrom('image/jpeg', 'application/pdf'))),
  caption: maybe(text),
  filename: maybe(text),
  voice: maybe(fc.boolean()),
});
const metaMessage = partial({
  from: maybe(metaId),
  id: maybe(metaId),
  timestamp: maybe(
    fc.oneof(
      text,
      fc.integer(),
      fc.double(),
      fc.constantFrom('1749416383', '1e20', 8.64e15, 1e300),
    ),
  ),
  type: maybe(
    fc.constantFrom(
      'text',
      'image',
      'audio',
      'video',
      'document',
      'sticker',
      'location',
      'contacts',
      'interactive',
      'button',
      'reaction',
      'order',
      'unsupported',
      '__proto__',
      'constructor',
    ),
  ),
  text: maybe(partial({ body: maybe(text) })),
  image: maybe(media),
  audio: maybe(media),
  video: maybe(media),
  document: maybe(media),
  sticker: maybe(media),
  location: maybe(
    partial({
      latitude: maybe(fc.oneof(fc.double(), text)),
      longitude: maybe(fc.oneof(fc.double(), text)),
      name: maybe(text),
      address: maybe(text),
      url: maybe(text),
    }),
  ),
  contacts: maybe(
    fc.array(
      partial({
        name: maybe(partial({ formatted_name: maybe(text), first_name: maybe(text) })),
        phones: maybe(
          fc.array(partial({ phone: maybe(text), wa_id: maybe(text) }), { maxLength: 2 }),
        ),
        emails: maybe(fc.array(partial({ email: maybe(text) }), { maxLength: 2 })),
        org: maybe(partial({ company: maybe(text) })),
      }),
      { maxLength: 2 },
    ),
  ),
  interactive: maybe(
    partial({
      type: maybe(fc.constantFrom('button_reply', 'list_reply', '__proto__', 'constructor')),
      button_reply: maybe(partial({ id: maybe(text), title: maybe(text) })),
      list_reply: maybe(partial({ id: maybe(text), title: maybe(text) })),
    }),
  ),
  button: maybe(partial({ text: maybe(text), payload: maybe(text) })),
  reaction: maybe(partial({ message_id: maybe(metaId), emoji: maybe(text) })),
  context: maybe(
    partial({
      id: maybe(text),
      forwarded: maybe(fc.boolean()),
      frequently_forwarded: maybe(fc.boolean()),
    }),
  ),
  errors: maybe(
    fc.array(partial({ code: maybe(fc.oneof(fc.integer(), text)), title: maybe(text) }), {
      maxLength: 2,
    }),
  ),
  unsupported: maybe(partial({ type: maybe(text) })),
});
const metaStatus = partial({
  id: maybe(metaId),
  status: maybe(
    fc.oneof(
      fc.constantFrom(
        'sent',
        'delivered',
        'read',
        'failed',
        'deleted',
        'played',
        'constructor',
        'toString',
      ),
      text,
    ),
  ),
  recipient_id: maybe(text),
  errors: maybe(
    fc.array(
      partial({
        code: maybe(
          fc.oneof(fc.integer(), text, fc.constantFrom('131047', 'toString', 'constructor')),
        ),
        title: maybe(text),
        message: maybe(text),
        error_data: maybe(partial({ details: maybe(text) })),
      }),
      { maxLength: 2 },
    ),
  ),
});
const metaWebhook = partial({
  object: maybe(fc.constant('whatsapp_business_account')),
  entry: maybe(
    fc.array(
      partial({
        id: maybe(text),
        changes: maybe(
          fc.array(
            partial({
              field: maybe(fc.constantFrom('messages', 'message_template_status_update')),
              value: maybe(
                partial({
                  metadata: maybe(
                    partial({ display_phone_number: maybe(text), phone_number_id: maybe(text) }),
                  ),
                  contacts: maybe(
                    fc.array(
                      partial({
                        wa_id: maybe(metaId),
                        profile: maybe(partial({ name: maybe(text) })),
                      }),
                      { maxLength: 2 },
                    ),
                  ),
                  messages: maybe(fc.array(metaMessage, { maxLength: 3 })),
                  statuses: maybe(fc.array(metaStatus, { maxLength: 3 })),
                }),
              ),
            }),
            { maxLength: 2 },
          ),
        ),
      }),
      { maxLength: 2 },
    ),
  ),
});

describe('WhatsApp Cloud adapter under arbitrary webhooks', () => {
  const adapter = adapterFor('whatsapp_cloud');
  const webhookFixtures = jsonFixtures('meta').filter(
    (fixture) => (fixture as EventPayload).object === 'whatsapp_business_account',
  );

  it('splits any body into keyed events that normalize into well-formed events', () => {
    fc.assert(
      fc.property(fc.oneof(metaWebhook, garbage, mutated(webhookFixtures)), (body) => {
        for (const event of splitCloudWebhook(body)) {
          expect(event.providerEventId).not.toBe('');
          const types: InboundEvent['type'][] =
            event.kind === 'message' ? ['message', 'reaction'] : ['status'];
          expectWellFormed(adapter.normalize(stored(event.payload), event.kind), types);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('normalizes any stored payload, of either kind, into well-formed events', () => {
    const payload = fc.oneof(
      garbageObject,
      partial({ message: maybe(metaMessage), contact: garbage, metadata: garbage }),
      partial({ status: maybe(metaStatus), metadata: garbage }),
    );
    fc.assert(
      fc.property(payload, (payload) => {
        expectWellFormed(adapter.normalize(payload, 'message'), ['message', 'reaction']);
        expectWellFormed(adapter.normalize(payload, 'status'), ['status']);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a body only with the signature of its exact bytes', () => {
    const sign = (body: Buffer) =>
      createHmac('sha256', connection.credentials.appSecret!).update(body).digest('hex');
    const request = (body: Buffer, signature: string | undefined) => ({
      body,
      headers: { 'x-hub-signature-256': signature },
      fields: {},
      url: `${publicUrl}/webhooks/whatsapp/inbox`,
    });
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2048 }),
        fc.option(text, { nil: undefined }),
        (bytes, header) => {
          const body = Buffer.from(bytes);
          expect(adapter.verify(request(body, `sha256=${sign(body)}`), connection)).toEqual({
            ok: true,
          });
          const longer = Buffer.concat([body, Buffer.from(' ')]);
          expect(adapter.verify(request(longer, `sha256=${sign(body)}`), connection).ok).toBe(
            false,
          );
          expect(adapter.verify(request(body, header), connection).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers the subscription handshake only to the configured verify token', () => {
    const query = fc.dictionary(
      fc.oneof(fc.constantFrom('hub.mode', 'hub.verify_token', 'hub.challenge'), key),
      fc.oneof(text, fc.constantFrom('subscribe', 'verify-me')),
      { maxKeys: 5, noNullPrototype: true },
    );
    fc.assert(
      fc.property(query, (query) => {
        const expected =
          query['hub.mode'] === 'subscribe' &&
          query['hub.verify_token'] === 'verify-me' &&
          Boolean(query['hub.challenge']);
        expect(verifySubscription(query, connection).ok).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

// ─── Web chat: the public visitor API's stored events ─────────────────────────────────────────

describe('web chat adapter under arbitrary stored events', () => {
  const adapter = adapterFor('webchat');
  const visitorPayload = partial({
    clientMessageId: maybe(text),
    visitorId: maybe(text),
    to: maybe(text),
    text: maybe(text),
    teamId: maybe(text),
    sentAt: maybe(text),
    pageUrl: maybe(text),
    offline: maybe(fc.boolean()),
    file: maybe(
      partial({
        fileName: maybe(text),
        contentType: maybe(fc.oneof(text, fc.constantFrom('image/png', 'application/pdf'))),
        base64: maybe(fc.oneof(text, fc.base64String({ maxLength: 200 }))),
      }),
    ),
  });

  it('turns a payload with both ids into one well-formed message, anything else into nothing', () => {
    fc.assert(
      fc.property(fc.oneof(visitorPayload, garbageObject), (payload: EventPayload) => {
        const events = adapter.normalize(payload, 'message');
        expectWellFormed(events, ['message']);
        const { clientMessageId, visitorId } = payload;
        const identified =
          typeof clientMessageId === 'string' &&
          clientMessageId !== '' &&
          typeof visitorId === 'string' &&
          visitorId !== '';
        expect(events.map((event) => event.type === 'message' && event.providerMessageId)).toEqual(
          identified ? [clientMessageId] : [],
        );
        expect(adapter.normalize(payload, 'status')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});

// ─── Email: raw MIME parsed once, the stored result normalized ───────────────────────────────

const charset = fc.constantFrom(
  'utf-8',
  'utf-16',
  'utf-16le',
  'iso-8859-1',
  'windows-1252',
  'x-unknown',
);
const encodedWord = fc
  .tuple(charset, fc.boolean(), fc.uint8Array({ maxLength: 40 }))
  .map(([set, base64, bytes]) =>
    base64
      ? `=?${set}?B?${Buffer.from(bytes).toString('base64')}?=`
      : `=?${set}?Q?${[...bytes].map((byte) => `=${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('')}?=`,
  );
const headerValue = fc.oneof(
  { arbitrary: text, weight: 3 },
  { arbitrary: encodedWord, weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '<a\u0000b@example.com>',
      '<\ud800@example.com>',
      'Ana Souza <ana@example.com>',
      'undisclosed-recipients:;',
      '<>',
      'not a date',
      'Tue, 4 Mar 2025 10:00:00 +0100',
      'auto-replied',
      'bulk',
    ),
    weight: 2,
  },
);
const headerName = fc.oneof(
  fc.constantFrom(
    'From',
    'To',
    'Cc',
    'Subject',
    'Message-ID',
    'In-Reply-To',
    'References',
    'Date',
    'Reply-To',
    'Sender',
    'Delivered-To',
    'X-Original-To',
    'Auto-Submitted',
    'Precedence',
    'List-Id',
    'Return-Path',
  ),
  key,
);
const mimePart = fc.record({
  contentType: fc.oneof(
    fc.constantFrom(
      'text/plain; charset=utf-8',
      'text/plain; charset=utf-16',
      'text/html; charset=iso-8859-1',
      'text/html; charset=x-unknown',
      'application/pdf',
      'image/png',
      'message/rfc822',
      'message/delivery-status',
    ),
    text,
  ),
  disposition: fc.oneof(fc.constantFrom('attachment', 'inline'), text),
  fileName: fc.oneof(adversarial, text, encodedWord),
  contentId: fc.option(text, { nil: undefined }),
  encoding: fc.constantFrom('base64', 'quoted-printable', '7bit', '8bit', 'x-garbage'),
  body: fc.oneof(
    fc.uint8Array({ maxLength: 512 }),
    text.map((value) => Buffer.from(value)),
  ),
});
type MimePart = typeof mimePart extends fc.Arbitrary<infer T> ? T : never;

const encodedBody = (part: MimePart) =>
  part.encoding === 'base64'
    ? Buffer.from(Buffer.from(part.body).toString('base64').replace(/.{76}/g, '$&\r\n'))
    : Buffer.from(part.body);

/** A mail put together from hostile pieces: headers, parts, boundaries that may not match. */
const mimeMail = fc
  .record({
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 12 }),
    multipart: fc.constantFrom('mixed', 'alternative', 'report; report-type=delivery-status', null),
    boundary: fc.oneof(fc.constant('b1'), text),
    boundaryAppears: fc.boolean(),
    parts: fc.array(mimePart, { maxLength: 4 }),
  })
  .map(({ headers, multipart, boundary, boundaryAppears, parts }) => {
    const head = headers.map(([name, value]) => `${name}: ${value}`);
    const [first] = parts;
    if (!multipart || !first) {
      if (first)
        head.push(
          `Content-Type: ${first.contentType}`,
          `Content-Transfer-Encoding: ${first.encoding}`,
        );
      return Buffer.concat([
        Buffer.from(`${head.join('\r\n')}\r\n\r\n`),
        first ? encodedBody(first) : Buffer.alloc(0),
      ]);
    }
    head.push('MIME-Version: 1.0', `Content-Type: multipart/${multipart}; boundary="${boundary}"`);
    const separator = boundaryAppears ? boundary : 'another-boundary';
    const chunks = [Buffer.from(`${head.join('\r\n')}\r\n\r\n`)];
    for (const part of parts) {
      const partHead = [
        `--${separator}`,
        `Content-Type: ${part.contentType}; name="${part.fileName}"`,
        `Content-Disposition: ${part.disposition}; filename="${part.fileName}"`,
        `Content-Transfer-Encoding: ${part.encoding}`,
        ...(part.contentId === undefined ? [] : [`Content-ID: <${part.contentId}>`]),
      ];
      chunks.push(
        Buffer.from(`${partHead.join('\r\n')}\r\n\r\n`),
        encodedBody(part),
        Buffer.from('\r\n'),
      );
    }
    chunks.push(Buffer.from(`--${separator}--\r\n`));
    return Buffer.concat(chunks);
  });

/** Bytes that are not mail at all, with or without a header in front, some past the 200 KB cut. */
const rawBytes = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)), weight: 4 },
  {
    arbitrary: fc
      .uint8Array({ maxLength: 4096 })
      .map((bytes) =>
        Buffer.concat([Buffer.from('From: a@example.com\r\nSubject: x\r\n\r\n'), bytes]),
      ),
    weight: 4,
  },
  {
    arbitrary: fc
      .integer({ min: 200 * 1024, max: 210 * 1024 })
      .map((size) =>
        Buffer.concat([
          Buffer.from(
            'From: a@example.com\r\nContent-Type: multipart/mixed; boundary=nowhere\r\n\r\n',
          ),
          Buffer.alloc(size, 'x\u0000\u00ff\r\n'),
        ]),
      ),
    weight: 1,
  },
);

const parseOptions = fc.record({
  source: fc.constantFrom('smtp' as const, 'imap' as const),
  // Our SMTP listener takes mail only for the inboxes' own addresses.
  envelopeTo: fc.array(fc.constantFrom('support@example.com', 'Support+Ab12@Example.COM'), {
    maxLength: 2,
  }),
  envelopeFrom: fc.option(text, { nil: undefined }),
});

describe('email adapter under arbitrary mail', () => {
  const adapter = adapterFor('email');
  let parsedFixtures: unknown[] = [];

  beforeAll(async () => {
    parsedFixtures = await Promise.all(
      fixturesIn('email', '.eml').map(async (raw) =>
        stored(await parseEmail(raw, { maxAttachmentBytes: 1024, source: 'imap' })),
      ),
    );
  });

  /** Normalizes a stored payload: well-formed events, or the documented refusal of a non-email. */
  function normalizeOrRefuse(payload: EventPayload) {
    let events: InboundEvent[];
    try {
      events = adapter.normalize(payload, 'message');
    } catch (error) {
      // The worker records this on the stored event and leaves it pending for an operator.
      expect(String(error)).toMatch(/not a parsed email/);
      expect(storedEmailSchema.safeParse(payload).success).toBe(false);
      return;
    }
    expectWellFormed(events, ['message', 'bounce']);
  }

  async function parseAndNormalize(
    raw: Buffer,
    options: Omit<ParseEmailOptions, 'maxAttachmentBytes'>,
  ) {
    const email = await parseEmail(raw, { maxAttachmentBytes: 256, ...options });
    storedEmailSchema.parse(email);
    expectStorable(email);
    const events = adapter.normalize(stored(email), 'message');
    expectWellFormed(events, ['message', 'bounce']);
  }

  it('parses hostile MIME into a storable email that normalizes into well-formed events', async () => {
    await fc.assert(
      fc.asyncProperty(mimeMail, parseOptions, (raw, options) => parseAndNormalize(raw, options)),
      { numRuns: 200 },
    );
  });

  it('parses bytes that are not mail without throwing, keeping them as a malformed email', async () => {
    await fc.assert(
      fc.asyncProperty(rawBytes, parseOptions, (raw, options) => parseAndNormalize(raw, options)),
      { numRuns: 120 },
    );
  });

  it('normalizes stored emails with odd values, and refuses only payloads that are not one', () => {
    const attachmentRecord = fc.oneof(
      fc.record({
        fileName: text,
        contentType: text,
        size: fc.integer(),
        contentId: fc.option(text, { nil: undefined }),
        inline: fc.boolean(),
        dataBase64: fc.oneof(text, fc.base64String({ maxLength: 100 })),
      }),
      fc.record({ fileName: text, contentType: text, size: fc.integer(), refused: text }),
    );
    const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
    const strings = fc.array(text, { maxLength: 3 });
    const storedEmail = fc.record(
      {
        source: fc.constantFrom('smtp', 'imap'),
        messageId: text,
        inReplyTo: nullable(text),
        references: strings,
        subject: text,
        from: fc.record({ address: text, name: nullable(text) }),
        replyTo: nullable(text),
        to: strings,
        cc: strings,
        deliveredTo: strings,
        envelopeTo: strings,
        date: nullable(
          fc.oneof(
            text,
            fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          ),
        ),
        text,
        html: nullable(text),
        quoted: nullable(text),
        automatic: fc.boolean(),
        deliveryReport: fc.boolean(),
        bounce: nullable(
          fc.record({ originalMessageId: text, reason: text, statusCode: nullable(text) }),
        ),
        attachments: fc.array(attachmentRecord, { maxLength: 3 }),
        malformed: text,
      },
      {
        requiredKeys: [
          'source',
          'messageId',
          'inReplyTo',
          'references',
          'subject',
          'from',
          'replyTo',
          'to',
          'cc',
          'deliveredTo',
          'envelopeTo',
          'date',
          'text',
          'html',
          'quoted',
          'automatic',
          'deliveryReport',
          'bounce',
          'attachments',
        ],
      },
    );
    fc.assert(
      fc.property(
        fc.oneof(storedEmail, garbageObject, mutated(parsedFixtures)),
        (payload: EventPayload) => normalizeOrRefuse(stored(payload)),
      ),
      { numRuns: 300 },
    );
  });

  it('lets anything through verify where the trust boundary is elsewhere (mail login, visitor token)', () => {
    const kinds: InboxKindName[] = ['email', 'webchat'];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), garbageObject, text, (bytes, fields, url) => {
        for (const kind of kinds) {
          const request = {
            body: Buffer.from(bytes),
            headers: {},
            fields: fields as Record<string, string>,
            url,
          };
          expect(adapterFor(kind).verify(request, connection)).toEqual({ ok: true });
        }
      }),
      { numRuns: 100 },
    );
  });
});
