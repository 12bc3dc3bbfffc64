import { createHmac, randomUUID } from 'node:crypto';
import { startTestSystem, type CloudInbox, type TestSystem } from '@switchboard/stack/testing';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms, newSid, statusCallback } from './fixtures';
import { cloudWebhook, textMessageValue } from './meta-fixtures';
import { json } from './support';

/**
 * Hostile and broken requests against every public door of the api: each one is refused with
 * a 4xx in the one error shape, stores nothing, and leaves the process answering.
 */

let system: TestSystem;
let w: World;

interface World {
  sms: { id: string; address: string };
  otherSms: { id: string; address: string };
  cloud: CloudInbox;
  webchatId: string;
  visitorToken: string;
  adminEmail: string;
  adminCookie: string;
  conversationId: string;
  contactId: string;
}

beforeAll(async () => {
  // No worker: every row counted below is written by the api alone, while the test waits.
  system = await startTestSystem({ worker: false });
  const workspace = await system.make.workspace();
  const team = await system.make.team(workspace.id, { name: 'Support' });
  const admin = await system.make.user(workspace.id, { role: 'admin', name: 'Ada Admin' });
  await system.make.member(workspace.id, team.id, admin.id);
  const sms = await system.smsInbox(workspace.id, { defaultTeamId: team.id });
  const otherSms = await system.smsInbox(workspace.id, { defaultTeamId: team.id });
  const cloud = await system.cloudInbox(workspace.id, { defaultTeamId: team.id });
  const webchat = await system.make.smsInbox(workspace.id, {
    kind: 'webchat',
    name: 'Web chat',
    address: 'shop-bad-input',
    externalId: null,
    credentials: {},
    defaultTeamId: team.id,
  });
  const contact = await system.make.contact(workspace.id, {
    kind: 'phone',
    address: '+15005550400',
  });
  const conversation = await system.make.conversation({
    workspaceId: workspace.id,
    inboxId: sms.id,
    contactId: contact.id,
    reference: 'SB-BADIN',
    status: 'open',
    assigneeId: admin.id,
    teamId: team.id,
  });
  const visitor = await fetch(`${system.apiUrl}/api/v1/webchat/${webchat.id}/visitors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Pia' }),
  });
  expect(visitor.status).toBe(200);
  w = {
    sms,
    otherSms,
    cloud,
    webchatId: webchat.id,
    visitorToken: (await json<{ token: string }>(visitor)).token,
    adminEmail: admin.email,
    adminCookie: await sessionCookie(admin.email),
    conversationId: conversation.id,
    contactId: contact.id,
  };
});
afterAll(() => system.stop());

async function sessionCookie(email: string) {
  const response = await fetch(`${system.apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'password' }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

// ── what is stored, and how a refusal must look ─────────────────────────────────────────────

const TABLES = [
  'inbound_events',
  'messages',
  'attachments',
  'contacts',
  'contact_identities',
  'conversations',
  'tags',
  'routing_rules',
  'sessions',
] as const;

async function storedRows(): Promise<Record<string, number>> {
  const counts = TABLES.map((table) => `(select count(*)::int from ${table}) as ${table}`);
  const [row] = await system.db.sql.unsafe(`select ${counts.join(', ')}`);
  return { ...row };
}

type Body = string | Uint8Array | FormData;

interface Probe {
  name: string;
  /** The exact status when it is part of the contract; any 4xx otherwise. */
  status?: number;
  method?: string;
  path?: string;
  /** null: no content-type header at all. */
  contentType?: string | null;
  headers?: Record<string, string>;
  body?: Body;
}

interface Door {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  probes: Probe[];
}

function send(door: Door, probe: Probe) {
  const contentType = probe.contentType === undefined ? 'application/json' : probe.contentType;
  const headers: Record<string, string> = { ...door.headers, ...probe.headers };
  const method = probe.method ?? door.method;
  const withBody = probe.body !== undefined && method !== 'GET';
  // FormData chooses its own multipart content type, boundary included.
  if (contentType && withBody && !(probe.body instanceof FormData))
    headers['content-type'] = contentType;
  return fetch(system.apiUrl + (probe.path ?? door.path), {
    method,
    headers,
    ...(withBody ? { body: probe.body } : {}),
  });
}

async function expectRefused(response: Response, label: string, status?: number) {
  const text = await response.text();
  const seen = `${label} → ${response.status} ${text.slice(0, 300)}`;
  expect.soft(response.status, seen).toBeGreaterThanOrEqual(400);
  expect.soft(response.status, seen).toBeLessThan(500);
  if (status) expect.soft(response.status, seen).toBe(status);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the shape check below reports it.
  }
  expect.soft(body, seen).toEqual({
    error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) },
  });
  expect
    .soft(response.headers.get('x-request-id'), seen)
    .toBe((body as { error?: { requestId?: string } } | null)?.error?.requestId);
}

/** Sends every probe at its door; each is refused, nothing is stored, the api still answers. */
async function expectDoorHolds(door: Door) {
  const before = await storedRows();
  for (const probe of door.probes)
    await expectRefused(await send(door, probe), `${door.name}: ${probe.name}`, probe.status);
  expect(await storedRows(), `${door.name}: rows stored`).toEqual(before);
  const health = await fetch(`${system.apiUrl}/healthz`);
  expect(health.status).toBe(200);
}

// ── hostile bodies ──────────────────────────────────────────────────────────────────────────

const MB = 1024 * 1024;
const SQL_INJECTION = "' OR '1'='1'; DROP TABLE messages; --";
// Fits a tag name (50 characters at most).
const HOSTILE_TAG = "<script>alert(1)</script>' OR 1=1; DROP TABLE tags";
const HTML_INJECTION = '<img src=x onerror=alert(document.cookie)><script>alert(1)</script>';

/** JSON `text` with its string "\u0001" replaced by bytes that are not UTF-8. */
function withInvalidUtf8(text: string): Uint8Array {
  const [head = '', tail = ''] = text.split('"\\u0001"');
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(`${head}"`),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
      Buffer.from(`"${tail}`),
    ]),
  );
}

/** Broken and hostile JSON bodies, built around a request the door would take. */
function jsonProbes(valid: Record<string, unknown>, field: string): Probe[] {
  const withField = (value: unknown) => JSON.stringify({ ...valid, [field]: value });
  return [
    { name: 'malformed JSON', status: 400, body: withField('hi').slice(0, -2) },
    { name: 'an empty JSON body', status: 400, body: '' },
    { name: 'JSON of another shape', status: 400, body: '[1,2,3]' },
    { name: 'JSON nested 5,000 deep', status: 400, body: '['.repeat(5000) + ']'.repeat(5000) },
    {
      name: 'prototype poisoning',
      status: 400,
      body: `{"__proto__":{"role":"admin"},${withField('hi').slice(1)}`,
    },
    { name: 'XML', status: 415, contentType: 'application/xml', body: `<${field}>hi</${field}>` },
    {
      name: 'a form instead of JSON',
      status: 415,
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ [field]: 'hi' }).toString(),
    },
    { name: 'a 2 MB body', status: 413, body: withField('x'.repeat(2 * MB)) },
    { name: 'invalid UTF-8', status: 400, body: withInvalidUtf8(withField('\u0001')) },
    { name: `${field} of 200,000 characters`, status: 400, body: withField('x'.repeat(200_000)) },
    { name: `a NUL character in ${field}`, status: 400, body: withField('before\u0000after') },
    { name: `a number as ${field}`, status: 400, body: withField(12345) },
  ];
}

const twilioSignature = (token: string, url: string, fields: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(token, url, fields);
const metaSignature = (secret: string, body: string | Uint8Array) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const FORM = 'application/x-www-form-urlencoded';

/** What reaches a Twilio webhook from someone who is not Twilio, or from a broken proxy. */
function twilioProbes(path: string, fields: () => Record<string, string>): Probe[] {
  const token = () => system.twilioAccount.authToken;
  const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
  const signed = (values: Record<string, string>, url = system.apiUrl + path, key = token()) => ({
    contentType: FORM,
    headers: { 'x-twilio-signature': twilioSignature(key, url, values) },
    body: form(values),
  });
  const tampered = fields();
  return [
    { name: 'no signature', status: 403, contentType: FORM, body: form(fields()) },
    { name: 'signed with another auth token', status: 403, ...signed(fields(), undefined, 'x') },
    {
      name: "signed for another inbox's URL",
      status: 403,
      ...signed(fields(), `${system.apiUrl}/webhooks/twilio/${w.otherSms.id}`),
    },
    {
      name: 'signed for another host',
      status: 403,
      ...signed(fields(), `https://attacker.example${path}`),
    },
    {
      name: 'body changed after signing',
      status: 403,
      ...signed(tampered),
      body: form({ ...tampered, Body: `${tampered.Body ?? ''}!`, Status: 'read' }),
    },
    {
      name: 'a 10,000-character signature',
      status: 403,
      contentType: FORM,
      headers: { 'x-twilio-signature': 'A'.repeat(10_000) },
      body: form(fields()),
    },
    {
      name: 'a malformed form',
      status: 403,
      contentType: FORM,
      body: '%%%&&==&Body=%E0%A4%A&&=%zz',
    },
    {
      name: 'invalid UTF-8',
      status: 403,
      contentType: FORM,
      body: new Uint8Array(Buffer.concat([Buffer.from('Body='), Buffer.from([0xc3, 0x28, 0xff])])),
    },
    { name: 'JSON', status: 415, body: JSON.stringify(fields()) },
    { name: 'plain text', status: 415, contentType: 'text/plain', body: form(fields()) },
    { name: 'no body', status: 415, contentType: null },
    {
      name: 'a 300 KB form',
      status: 413,
      ...signed({ ...fields(), Body: 'x'.repeat(300 * 1024) }),
    },
    {
      name: 'no MessageSid, signed',
      status: 400,
      ...signed(
        Object.fromEntries(
          Object.entries(fields()).filter(([key]) => !/Sid$/.test(key) || key === 'AccountSid'),
        ),
      ),
    },
    {
      name: 'an SQL injection in the inbox id',
      status: 404,
      path: `/webhooks/twilio/${encodeURIComponent(SQL_INJECTION)}`,
      ...signed(fields()),
    },
    {
      name: 'path traversal as the inbox id',
      status: 404,
      path: '/webhooks/twilio/..%2F..%2Fetc%2Fpasswd',
      ...signed(fields()),
    },
    // Looks like an id to a quick check, but is none: the database must not be the one to say so.
    {
      name: '36 digits as the inbox id',
      path: `/webhooks/twilio/${'1'.repeat(36)}`,
      ...signed(fields()),
    },
    {
      name: '36 dashes as the inbox id',
      path: `/webhooks/twilio/${'-'.repeat(36)}`,
      ...signed(fields()),
    },
  ];
}

const sms = () =>
  incomingSms({
    accountSid: system.twilioAccount.accountSid,
    from: '+15005550401',
    to: w.sms.address,
    body: 'Hola',
  });
const smsStatus = () =>
  statusCallback({
    accountSid: system.twilioAccount.accountSid,
    sid: newSid(),
    status: 'delivered',
    from: w.sms.address,
    to: '+15005550401',
  });
const metaBody = (body = 'Hola') =>
  JSON.stringify(
    cloudWebhook(w.cloud, textMessageValue({ from: '+15005550402', name: 'Eve', body })),
  );

describe('signed provider messages with text Postgres cannot store', () => {
  it('are kept, with U+FFFD in place of NUL and of bytes that are not UTF-8', async () => {
    const before = await storedRows();
    const smsPath = `/webhooks/twilio/${w.sms.id}`;
    const fields = { ...sms(), Body: 'a\u0000b' };
    const twilioAnswer = await fetch(system.apiUrl + smsPath, {
      method: 'POST',
      headers: {
        'content-type': FORM,
        'x-twilio-signature': twilioSignature(
          system.twilioAccount.authToken,
          system.apiUrl + smsPath,
          fields,
        ),
      },
      body: new URLSearchParams(fields).toString(),
    });
    expect(twilioAnswer.status).toBe(200);
    const metaPath = `/webhooks/whatsapp/${w.cloud.id}`;
    for (const body of [
      metaBody('c\u0000d'),
      withInvalidUtf8(
        JSON.stringify(
          cloudWebhook(
            w.cloud,
            textMessageValue({ from: '+15005550402', name: 'Eve', body: '\u0001' }),
          ),
        ),
      ),
    ]) {
      const metaAnswer = await fetch(system.apiUrl + metaPath, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': metaSignature(w.cloud.appSecret, body),
        },
        body,
      });
      expect(metaAnswer.status).toBe(200);
    }
    expect((await storedRows()).inbound_events).toBe((before.inbound_events ?? 0) + 3);
    const stored = await system.db.sql<{ payload: string }[]>`
      select payload::text as payload from inbound_events order by id desc limit 3`;
    const texts = stored.map((row) => row.payload);
    expect(texts.some((text) => text.includes('a\uFFFDb'))).toBe(true);
    expect(texts.some((text) => text.includes('c\uFFFDd'))).toBe(true);
    expect(texts.every((text) => text.includes('\uFFFD'))).toBe(true);
  });
});

describe('webhooks refuse what their provider did not send', () => {
  it('Twilio inbound messages', async () => {
    const path = `/webhooks/twilio/${w.sms.id}`;
    await expectDoorHolds({
      name: 'Twilio inbound',
      method: 'POST',
      path,
      probes: twilioProbes(path, sms),
    });
  });

  it('Twilio status callbacks', async () => {
    const path = `/webhooks/twilio/${w.sms.id}/status`;
    await expectDoorHolds({
      name: 'Twilio status',
      method: 'POST',
      path,
      probes: twilioProbes(path, smsStatus),
    });
  });

  it('WhatsApp Cloud messages', async () => {
    const path = `/webhooks/whatsapp/${w.cloud.id}`;
    const signed = (body: string | Uint8Array, secret = w.cloud.appSecret) => ({
      headers: { 'x-hub-signature-256': metaSignature(secret, body) },
      body,
    });
    await expectDoorHolds({
      name: 'WhatsApp Cloud',
      method: 'POST',
      path,
      probes: [
        { name: 'no signature', status: 401, body: metaBody() },
        { name: 'signed with another app secret', status: 401, ...signed(metaBody(), 'nope') },
        {
          name: 'signature of another body',
          status: 401,
          headers: signed(metaBody('first')).headers,
          body: metaBody('second'),
        },
        {
          name: 'a malformed signature',
          status: 401,
          headers: { 'x-hub-signature-256': `sha256=${'z'.repeat(64)}` },
          body: metaBody(),
        },
        { name: 'malformed JSON, unsigned', status: 401, body: '{"object":' },
        { name: 'malformed JSON, signed', status: 400, ...signed('{"object":') },
        { name: 'XML', status: 415, contentType: 'application/xml', body: '<object/>' },
        { name: 'a form', status: 415, contentType: FORM, body: 'object=whatsapp' },
        { name: 'a 2 MB body', status: 413, ...signed(metaBody('x'.repeat(2 * MB))) },
        {
          name: 'an SQL injection in the inbox id',
          status: 404,
          path: `/webhooks/whatsapp/${encodeURIComponent(SQL_INJECTION)}`,
          ...signed(metaBody()),
        },
        {
          name: '36 dashes as the inbox id',
          path: `/webhooks/whatsapp/${'-'.repeat(36)}`,
          ...signed(metaBody()),
        },
      ],
    });
  });

  it("WhatsApp Cloud's subscription handshake", async () => {
    const path = `/webhooks/whatsapp/${w.cloud.id}`;
    const query = (values: Array<[string, string]>) =>
      `${path}?${new URLSearchParams(values).toString()}`;
    const good = await fetch(
      system.apiUrl +
        query([
          ['hub.mode', 'subscribe'],
          ['hub.verify_token', w.cloud.verifyToken],
          ['hub.challenge', '1158201444'],
        ]),
    );
    expect(await good.text()).toBe('1158201444');
    await expectDoorHolds({
      name: 'WhatsApp handshake',
      method: 'GET',
      path,
      probes: [
        {
          name: 'a wrong verify token',
          status: 403,
          path: query([
            ['hub.mode', 'subscribe'],
            ['hub.verify_token', SQL_INJECTION],
            ['hub.challenge', HTML_INJECTION],
          ]),
        },
        {
          name: 'the verify token twice',
          status: 403,
          path: query([
            ['hub.mode', 'subscribe'],
            ['hub.verify_token', w.cloud.verifyToken],
            ['hub.verify_token', 'second'],
            ['hub.challenge', '1'],
          ]),
        },
        {
          name: 'the challenge twice',
          status: 403,
          path: query([
            ['hub.mode', 'subscribe'],
            ['hub.verify_token', 'wrong'],
            ['hub.challenge', '1'],
            ['hub.challenge', '2'],
          ]),
        },
        { name: 'no query', status: 403 },
        {
          name: 'an unknown inbox',
          status: 403,
          path: `/webhooks/whatsapp/${randomUUID()}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`,
        },
      ],
    });
  });
});

describe('replayed and misdirected webhooks', () => {
  it('stores a signed Twilio webhook once however often it is replayed', async () => {
    const path = `/webhooks/twilio/${w.sms.id}`;
    const fields = sms();
    const before = await storedRows();
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await system.postTwilio(path, fields, system.twilioAccount.authToken)).status).toBe(
        200,
      );
    const after = await storedRows();
    expect(after.inbound_events).toBe((before.inbound_events ?? 0) + 1);
  });

  it('stores a signed Meta webhook once however often it is replayed', async () => {
    const path = `/webhooks/whatsapp/${w.cloud.id}`;
    const body = metaBody('replayed');
    const before = await storedRows();
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await system.postMeta(path, body, w.cloud.appSecret)).status).toBe(200);
    expect((await storedRows()).inbound_events).toBe((before.inbound_events ?? 0) + 1);
  });

  it("refuses a genuine Twilio request replayed at another inbox's URL", async () => {
    const fields = sms();
    const genuine = `/webhooks/twilio/${w.sms.id}`;
    const signature = twilioSignature(
      system.twilioAccount.authToken,
      system.apiUrl + genuine,
      fields,
    );
    const before = await storedRows();
    const replayed = await fetch(`${system.apiUrl}/webhooks/twilio/${w.otherSms.id}`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-twilio-signature': signature },
      body: new URLSearchParams(fields).toString(),
    });
    await expectRefused(replayed, 'replayed at another inbox', 403);
    expect(await storedRows()).toEqual(before);
  });
});

// ── the public web chat API ─────────────────────────────────────────────────────────────────

const visitorHeaders = () => ({ authorization: `Bearer ${w.visitorToken}` });

describe('the public web chat API refuses broken requests', () => {
  it('config', async () => {
    await expectDoorHolds({
      name: 'web chat config',
      method: 'GET',
      path: `/api/v1/webchat/${w.webchatId}/config`,
      probes: [
        {
          name: 'SQL injection',
          status: 404,
          path: `/api/v1/webchat/${encodeURIComponent(SQL_INJECTION)}/config`,
        },
        {
          name: 'path traversal',
          status: 404,
          path: '/api/v1/webchat/..%2F..%2Fetc%2Fpasswd/config',
        },
        {
          name: 'broken percent-encoding',
          status: 400,
          path: '/api/v1/webchat/%E0%A4%A/config',
        },
        {
          name: 'an id of 5,000 characters',
          status: 414,
          path: `/api/v1/webchat/${'a'.repeat(5000)}/config`,
        },
        { name: 'an unknown inbox', status: 404, path: `/api/v1/webchat/${randomUUID()}/config` },
      ],
    });
  });

  it('visitors', async () => {
    const path = `/api/v1/webchat/${w.webchatId}/visitors`;
    await expectDoorHolds({
      name: 'web chat visitors',
      method: 'POST',
      path,
      probes: [
        ...jsonProbes({ name: 'Pia' }, 'name'),
        {
          name: 'SQL injection as email',
          status: 400,
          body: JSON.stringify({ email: SQL_INJECTION }),
        },
        { name: 'HTML as phone', status: 400, body: JSON.stringify({ phone: HTML_INJECTION }) },
      ],
    });
  });

  it('messages', async () => {
    const valid = { clientMessageId: randomUUID(), text: 'Hola' };
    await expectDoorHolds({
      name: 'web chat messages',
      method: 'POST',
      path: '/api/v1/webchat/messages',
      headers: visitorHeaders(),
      probes: [
        ...jsonProbes(valid, 'text'),
        {
          name: 'SQL injection as clientMessageId',
          status: 400,
          body: JSON.stringify({ ...valid, clientMessageId: SQL_INJECTION }),
        },
        {
          name: 'a forged visitor token',
          status: 401,
          headers: { authorization: `Bearer ${w.visitorToken.slice(0, -4)}AAAA` },
          body: JSON.stringify(valid),
        },
        {
          name: 'a 10,000-character token',
          status: 401,
          headers: { authorization: `Bearer v1.${'a'.repeat(10_000)}` },
          body: JSON.stringify(valid),
        },
      ],
    });
  });

  it('resume', async () => {
    await expectDoorHolds({
      name: 'web chat resume',
      method: 'POST',
      path: `/api/v1/webchat/${w.webchatId}/resume`,
      probes: [
        ...jsonProbes({ resumeToken: 'r1.abc' }, 'resumeToken'),
        { name: 'SQL injection as token', body: JSON.stringify({ resumeToken: SQL_INJECTION }) },
      ],
    });
  });

  it('files', async () => {
    const PNG = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = (
      file: { bytes: Buffer; type: string; name: string } | null,
      fields: Record<string, string> = {},
    ) => {
      const form = new FormData();
      form.set('clientMessageId', randomUUID());
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      if (file)
        form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      return form;
    };
    const text = Buffer.from('root:x:0:0:root:/root:/bin/bash\n');
    const boundary = 'switchboard-boundary';
    await expectDoorHolds({
      name: 'web chat files',
      method: 'POST',
      path: '/api/v1/webchat/messages/file',
      headers: visitorHeaders(),
      probes: [
        {
          name: 'no visitor token',
          status: 401,
          headers: { authorization: '' },
          body: upload({ bytes: PNG, type: 'image/png', name: 'box.png' }),
        },
        { name: 'JSON instead of a file', status: 400, body: JSON.stringify({ text: 'hi' }) },
        {
          name: 'multipart without a boundary',
          contentType: 'multipart/form-data',
          body: 'garbage',
        },
        {
          name: 'multipart cut short',
          contentType: `multipart/form-data; boundary=${boundary}`,
          body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf a fi`,
        },
        {
          name: 'a traversal name and no known type',
          status: 415,
          body: upload({ bytes: text, type: 'application/octet-stream', name: '../../etc/passwd' }),
        },
        {
          name: 'a program dressed as a picture',
          status: 415,
          body: upload({
            bytes: Buffer.from('MZ\u0090\u0000\u0003'),
            type: 'image/png',
            name: 'x.png',
          }),
        },
        {
          name: 'an empty file',
          status: 422,
          body: upload({ bytes: Buffer.alloc(0), type: 'text/plain', name: 'empty.txt' }),
        },
        { name: 'no file', status: 400, body: upload(null, { text: 'hi' }) },
        {
          name: 'SQL injection as clientMessageId',
          status: 400,
          body: upload(
            { bytes: PNG, type: 'image/png', name: 'box.png' },
            { clientMessageId: SQL_INJECTION },
          ),
        },
        {
          name: 'a caption of 200,000 characters',
          body: upload(
            { bytes: PNG, type: 'image/png', name: 'box.png' },
            { text: 'x'.repeat(200_000) },
          ),
        },
        {
          name: 'a NUL character in the caption',
          status: 400,
          body: upload({ bytes: PNG, type: 'image/png', name: 'box.png' }, { text: 'a\u0000b' }),
        },
        {
          name: 'ten parts',
          body: upload(
            { bytes: PNG, type: 'image/png', name: 'box.png' },
            Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`extra${index}`, 'x'])),
          ),
        },
      ],
    });
  });

  it('keeps only the base name of a file sent with a traversal name', async () => {
    const form = new FormData();
    form.set('clientMessageId', randomUUID());
    form.set(
      'file',
      new Blob([new Uint8Array(Buffer.from('order 4711\n'))], { type: 'text/plain' }),
      '../../../etc/passwd.txt',
    );
    const response = await fetch(`${system.apiUrl}/api/v1/webchat/messages/file`, {
      method: 'POST',
      headers: visitorHeaders(),
      body: form,
    });
    expect(response.status).toBe(202);
    const [event] = await system.db.sql`
      select payload->'file'->>'fileName' as name from inbound_events
      where payload->>'clientMessageId' = ${form.get('clientMessageId') as string}`;
    expect(event?.name).toBe('passwd.txt');
  });
});

// ── signing in and the agents' JSON API ─────────────────────────────────────────────────────

describe('signing in and the JSON API refuse broken requests', () => {
  it('login', async () => {
    const path = '/api/v1/auth/login';
    await expectDoorHolds({
      name: 'login',
      method: 'POST',
      path,
      probes: [
        ...jsonProbes({ email: w.adminEmail, password: 'password' }, 'email'),
        {
          name: 'SQL injection as email and password',
          status: 401,
          body: JSON.stringify({ email: SQL_INJECTION, password: SQL_INJECTION }),
        },
      ],
    });
  });

  const cookie = () => ({ cookie: w.adminCookie });
  const doors = () => [
    {
      name: 'agent reply',
      method: 'POST',
      path: `/api/v1/conversations/${w.conversationId}/messages`,
      idPath: (id: string) => `/api/v1/conversations/${id}/messages`,
      valid: { text: 'On its way' },
      field: 'text',
    },
    {
      name: 'contact edit',
      method: 'PATCH',
      path: `/api/v1/contacts/${w.contactId}`,
      idPath: (id: string) => `/api/v1/contacts/${id}`,
      valid: { name: 'Carla' },
      field: 'name',
    },
    {
      name: 'new tag',
      method: 'POST',
      path: '/api/v1/tags',
      valid: { name: 'vip', color: 'blue' },
      field: 'name',
    },
    {
      name: 'new routing rule',
      method: 'POST',
      path: '/api/v1/routing-rules',
      valid: { name: 'Refunds', conditions: { keywords: ['refund'] }, actions: { priority: 1 } },
      field: 'name',
    },
  ];

  it('every probed endpoint takes the well-formed request (so the refusals are about input)', async () => {
    for (const door of doors()) {
      const response = await fetch(system.apiUrl + door.path, {
        method: door.method,
        headers: { ...cookie(), 'content-type': 'application/json' },
        body: JSON.stringify(door.valid),
      });
      expect(response.status, `${door.name}: ${await response.clone().text()}`).toBeLessThan(300);
    }
  });

  it('agent reply, contact edit, new tag and new routing rule', async () => {
    for (const door of doors()) {
      const idProbes: Probe[] = door.idPath
        ? [
            {
              name: 'SQL injection as the id',
              status: 400,
              path: door.idPath(encodeURIComponent(SQL_INJECTION)),
              body: JSON.stringify(door.valid),
            },
            {
              name: 'path traversal as the id',
              path: door.idPath('..%2F..%2Fetc%2Fpasswd'),
              body: JSON.stringify(door.valid),
            },
          ]
        : [];
      await expectDoorHolds({
        name: door.name,
        method: door.method,
        path: door.path,
        headers: cookie(),
        probes: [
          ...jsonProbes(door.valid, door.field),
          ...idProbes,
          {
            name: 'no session',
            status: 401,
            headers: { cookie: 'sb_session=' + 'x'.repeat(4000) },
            body: JSON.stringify(door.valid),
          },
        ],
      });
    }
  });

  it("an agent's file", async () => {
    const boundary = 'switchboard-boundary';
    await expectDoorHolds({
      name: 'agent file',
      method: 'POST',
      path: `/api/v1/conversations/${w.conversationId}/messages/media`,
      headers: cookie(),
      probes: [
        { name: 'JSON instead of a file', body: JSON.stringify({ text: 'hi' }) },
        { name: 'multipart without a boundary', contentType: 'multipart/form-data', body: 'x' },
        {
          name: 'multipart cut short',
          contentType: `multipart/form-data; boundary=${boundary}`,
          body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 half`,
        },
      ],
    });
  });

  it('keeps SQL and HTML in free text as the plain text it is', async () => {
    const hostile = `${HTML_INJECTION} ${SQL_INJECTION}`;
    const headers = { cookie: w.adminCookie, 'content-type': 'application/json' };
    const reply = await fetch(
      `${system.apiUrl}/api/v1/conversations/${w.conversationId}/messages`,
      { method: 'POST', headers, body: JSON.stringify({ text: hostile }) },
    );
    expect(reply.status).toBe(201);
    expect((await json(reply)).text).toBe(hostile);
    const tag = await fetch(`${system.apiUrl}/api/v1/tags`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: HOSTILE_TAG }),
    });
    expect(tag.status).toBe(201);
    const tags = await json<Array<{ name: string }>>(
      await fetch(`${system.apiUrl}/api/v1/tags`, { headers }),
    );
    expect(tags.map((item) => item.name)).toContain(HOSTILE_TAG);
    // The tables the strings name are still there.
    expect((await storedRows()).messages).toBeGreaterThan(0);
  });
});

describe('attachment links refuse forged paths', () => {
  it('files and public media', async () => {
    await expectDoorHolds({
      name: 'attachments',
      method: 'GET',
      path: '/api/v1/attachments/x',
      headers: { cookie: w.adminCookie },
      probes: [
        { name: 'path traversal', status: 400, path: '/api/v1/attachments/..%2F..%2Fetc%2Fpasswd' },
        {
          name: 'SQL injection',
          status: 400,
          path: `/api/v1/attachments/${encodeURIComponent(SQL_INJECTION)}`,
        },
        {
          name: 'a public link past the end of time',
          path: `/media/${randomUUID()}?expires=${'9'.repeat(400)}&signature=${'a'.repeat(64)}`,
        },
        {
          name: 'a public link with traversal',
          path: `/media/..%2F..%2Fetc%2Fpasswd?expires=1&signature=${'a'.repeat(64)}`,
        },
        {
          name: 'a forged public link',
          status: 404,
          path: `/media/${randomUUID()}?expires=${Math.floor(Date.now() / 1000) + 600}&signature=${'a'.repeat(64)}`,
        },
      ],
    });
  });
});
