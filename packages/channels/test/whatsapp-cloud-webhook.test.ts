import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  adapterFor,
  splitCloudWebhook,
  verifySubscription,
  type InboxConnection,
  type RawRequest,
} from '../src/index';
import { metaFixture } from './load-fixture';

const connection: InboxConnection = {
  address: '+15550783881',
  externalId: '106540352242922',
  credentials: {
    accessToken: 'sandbox-access-token',
    appSecret: 'sandbox-app-secret',
    verifyToken: 'sandbox-verify-token',
    wabaId: '102290129340398',
  },
};

const adapter = adapterFor('whatsapp_cloud');

/** Signs like Meta: HMAC-SHA256 of the exact body bytes with the app secret. */
const sign = (body: Buffer, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function request(body: Buffer, signature?: string): RawRequest {
  return {
    body,
    headers: {
      'content-type': 'application/json',
      ...(signature !== undefined ? { 'x-hub-signature-256': signature } : {}),
    },
    fields: {},
    url: 'https://switchboard.example/webhooks/whatsapp/inbox-1',
  };
}

describe('WhatsApp Cloud webhook signature', () => {
  const body = Buffer.from(JSON.stringify(metaFixture('text')));

  it('accepts a body signed with the app secret', () => {
    expect(adapter.verify(request(body, sign(body, 'sandbox-app-secret')), connection)).toEqual({
      ok: true,
    });
  });

  it('rejects a request without a signature', () => {
    expect(adapter.verify(request(body), connection)).toEqual({
      ok: false,
      reason: 'missing X-Hub-Signature-256',
    });
  });

  it('rejects a body signed with another secret', () => {
    expect(adapter.verify(request(body, sign(body, 'another-secret')), connection)).toMatchObject({
      ok: false,
    });
  });

  it('rejects a body changed by one byte after signing', () => {
    const signature = sign(body, 'sandbox-app-secret');
    const changed = Buffer.from(body);
    const at = changed.length - 2;
    changed.writeUInt8(changed.readUInt8(at) ^ 1, at);
    expect(adapter.verify(request(changed, signature), connection)).toMatchObject({ ok: false });
  });

  it('rejects malformed signatures', () => {
    const hex = createHmac('sha256', 'sandbox-app-secret').update(body).digest('hex');
    for (const signature of [hex, `sha1=${hex}`, `sha256=${hex.slice(2)}`, 'sha256=', '']) {
      expect(adapter.verify(request(body, signature), connection)).toMatchObject({ ok: false });
    }
  });

  it('rejects everything when the inbox has no app secret', () => {
    const unconfigured = { ...connection, credentials: { accessToken: 'token' } };
    expect(
      adapter.verify(request(body, sign(body, 'sandbox-app-secret')), unconfigured),
    ).toMatchObject({ ok: false });
  });
});

describe('WhatsApp Cloud subscription handshake', () => {
  const query = {
    'hub.mode': 'subscribe',
    'hub.verify_token': 'sandbox-verify-token',
    'hub.challenge': '1158201444',
  };

  it('answers the challenge when the verify token matches', () => {
    expect(verifySubscription(query, connection)).toEqual({ ok: true, challenge: '1158201444' });
  });

  it('refuses a wrong verify token', () => {
    expect(verifySubscription({ ...query, 'hub.verify_token': 'guess' }, connection)).toEqual({
      ok: false,
    });
  });

  it('refuses a mode other than subscribe', () => {
    expect(verifySubscription({ ...query, 'hub.mode': 'unsubscribe' }, connection)).toEqual({
      ok: false,
    });
  });

  it('refuses when the inbox has no verify token', () => {
    const unconfigured = { ...connection, credentials: {} };
    expect(verifySubscription({ ...query, 'hub.verify_token': '' }, unconfigured)).toEqual({
      ok: false,
    });
  });
});

describe('splitting a WhatsApp Cloud webhook', () => {
  it('stores each message and each status on its own, keyed by wamid', () => {
    const events = splitCloudWebhook(metaFixture('batch'));
    expect(events.map(({ kind, providerEventId }) => ({ kind, providerEventId }))).toEqual([
      { kind: 'message', providerEventId: 'wamid.BATCH_MESSAGE_ONE' },
      { kind: 'message', providerEventId: 'wamid.BATCH_MESSAGE_TWO' },
      { kind: 'status', providerEventId: 'wamid.BATCH_OUTBOUND:delivered' },
      { kind: 'status', providerEventId: 'wamid.BATCH_OUTBOUND:read' },
    ]);
  });

  it("gives each message its own sender's profile and the business metadata", () => {
    const [first, second] = splitCloudWebhook(metaFixture('batch'));
    expect(first?.payload.contact).toEqual({
      profile: { name: 'Sheena Nelson' },
      wa_id: '16505551234',
    });
    expect(second?.payload.contact).toEqual({
      profile: { name: 'Omar Haddad' },
      wa_id: '447700900123',
    });
    expect(second?.payload.metadata).toEqual({
      display_phone_number: '15550783881',
      phone_number_id: '106540352242922',
    });
    const omar = adapter.normalize(second!.payload, 'message')[0];
    expect(omar).toMatchObject({
      from: { address: '+447700900123', displayName: 'Omar Haddad' },
      text: 'Can I change my address?',
    });
  });

  it('gives a retried delivery the same ids, so it is stored once', () => {
    const ids = (body: unknown) => splitCloudWebhook(body).map((event) => event.providerEventId);
    const retried = JSON.parse(JSON.stringify(metaFixture('batch'))) as unknown;
    expect(ids(retried)).toEqual(ids(metaFixture('batch')));
  });

  it('stores a message repeated within one delivery once', () => {
    const body = metaFixture('text');
    const value = body.entry[0].changes[0].value;
    value.messages.push(value.messages[0]);
    expect(splitCloudWebhook(body)).toHaveLength(1);
  });

  it('ignores fields other than messages', () => {
    const body = metaFixture('batch');
    body.entry[0].changes = body.entry[0].changes.slice(2);
    expect(splitCloudWebhook(body)).toEqual([]);
  });

  it('returns nothing for bodies that are not WhatsApp webhooks, without throwing', () => {
    const junk: unknown[] = [
      null,
      'text',
      42,
      [],
      {},
      { object: 'page', entry: [] },
      { object: 'whatsapp_business_account', entry: 'x' },
      { object: 'whatsapp_business_account', entry: [null, { changes: [null, 5] }] },
      {
        object: 'whatsapp_business_account',
        entry: [
          { changes: [{ field: 'messages', value: { messages: [{}], statuses: [{ id: 'x' }] } }] },
        ],
      },
    ];
    for (const body of junk) expect(splitCloudWebhook(body)).toEqual([]);
  });
});
