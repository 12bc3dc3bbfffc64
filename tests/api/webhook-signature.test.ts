import { schema } from '@switchboard/db';
import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import { count } from 'drizzle-orm';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from './fixtures';
import { json } from './support';

let system: TestSystem;
let inbox: { id: string; address: string };
let path: string;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  const workspace = await system.make.workspace();
  inbox = await system.smsInbox(workspace.id);
  path = `/webhooks/twilio/${inbox.id}`;
});
afterAll(() => system.stop());

const storedEvents = async () =>
  (await system.db.db.select({ n: count() }).from(schema.inboundEvents))[0]?.n ?? 0;
const sms = (body = 'Hola, necesito ayuda') =>
  incomingSms({
    accountSid: system.twilioAccount.accountSid,
    from: '+15005550006',
    to: inbox.address,
    body,
  });

describe('Twilio webhook signature', () => {
  it('accepts a correctly signed request, answers empty TwiML and stores the event', async () => {
    const before = await storedEvents();
    const response = await system.postTwilio(path, sms(), system.twilioAccount.authToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/xml');
    expect(await response.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
    );
    expect(await storedEvents()).toBe(before + 1);
  });

  it('rejects a request without a signature with 403 and stores nothing', async () => {
    const before = await storedEvents();
    const response = await system.postTwilio(path, sms(), null);
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe('invalid_signature');
    expect(await storedEvents()).toBe(before);
  });

  it('rejects a request signed with another auth token', async () => {
    const before = await storedEvents();
    const response = await system.postTwilio(path, sms(), 'not-the-inbox-token');
    expect(response.status).toBe(403);
    expect(await storedEvents()).toBe(before);
  });

  it('rejects a body changed after signing', async () => {
    const before = await storedEvents();
    const fields = sms('original text');
    const signature = twilio.getExpectedTwilioSignature(
      system.twilioAccount.authToken,
      system.apiUrl + path,
      fields,
    );
    const response = await fetch(system.apiUrl + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      body: new URLSearchParams({ ...fields, Body: 'tampered text' }).toString(),
    });
    expect(response.status).toBe(403);
    expect(await storedEvents()).toBe(before);
  });

  it('validates over the full URL including its query string', async () => {
    const withQuery = `${path}?source=carrier&retry=1`;
    const accepted = await system.postTwilio(withQuery, sms(), system.twilioAccount.authToken);
    expect(accepted.status).toBe(200);

    // Signed for the bare path but sent with a query: the signature no longer matches.
    const fields = sms();
    const signature = twilio.getExpectedTwilioSignature(
      system.twilioAccount.authToken,
      system.apiUrl + path,
      fields,
    );
    const rejected = await fetch(system.apiUrl + withQuery, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      body: new URLSearchParams(fields).toString(),
    });
    expect(rejected.status).toBe(403);
  });

  it('answers 404 for an unknown inbox without revealing anything', async () => {
    const response = await system.postTwilio(
      '/webhooks/twilio/00000000-0000-4000-8000-000000000000',
      sms(),
      system.twilioAccount.authToken,
    );
    expect(response.status).toBe(404);
    expect((await json(response)).error).toMatchObject({ code: 'not_found' });
  });
});
