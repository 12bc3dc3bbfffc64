import { schema } from '@switchboard/db';
import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

let system: TestSystem;
let workspace: { id: string };
let agent: { email: string };
let conversationId: string;
let attachmentId: string;
let outsider: { email: string };

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  workspace = await system.make.workspace({ name: 'Acme' });
  agent = await system.make.user(workspace.id, { role: 'supervisor' });
  const inbox = await system.make.smsInbox(workspace.id);
  const contact = await system.make.contact(workspace.id, {
    kind: 'phone',
    address: '+15005550177',
  });
  const conversation = await system.make.conversation({
    workspaceId: workspace.id,
    inboxId: inbox.id,
    contactId: contact.id,
    reference: 'SB-SECUR',
    status: 'open',
  });
  conversationId = conversation.id;
  // A customer's file in that conversation.
  const [message] = await system.db.db
    .insert(schema.messages)
    .values({
      workspaceId: workspace.id,
      conversationId,
      inboxId: inbox.id,
      channel: 'sms_twilio',
      direction: 'inbound',
      kind: 'message',
      authorContactId: contact.id,
      text: 'my invoice',
      status: 'received',
    })
    .returning();
  const [attachment] = await system.db.db
    .insert(schema.attachments)
    .values({
      workspaceId: workspace.id,
      messageId: message!.id,
      fileName: 'invoice<script>.html',
      contentType: 'text/html',
      size: 30,
      storedAt: sql`now()`,
    })
    .returning();
  attachmentId = attachment!.id;
  await system.db.db
    .insert(schema.attachmentBlobs)
    .values({ attachmentId, data: Buffer.from('<script>alert(1)</script>') });
  const other = await system.make.workspace({ name: 'Globex' });
  outsider = await system.make.user(other.id, { role: 'admin' });
});
afterAll(() => system.stop());

/** Each test signs in from its own address: the per-address limit (20 a minute) is not under test. */
const login = (email: string, password: string, from = '198.51.100.1') =>
  fetch(`${system.apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  });

async function sessionCookie(email: string) {
  const response = await login(email, 'password');
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Lax, for the whole app', async () => {
    const response = await login(agent.email, 'password');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sb_session=[^;]{20,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    // Plain http here (PUBLIC_URL is http): Secure is set only for an https PUBLIC_URL.
    expect(cookie).not.toContain('Secure');
  });
});

describe('cross-site requests', () => {
  const reply = (cookie: string, headers: Record<string, string>) =>
    fetch(`${system.apiUrl}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ text: 'note from a form', private: true }),
    });
  const notes = async () =>
    (
      await system.db.sql<{ n: number }[]>`
        select count(*)::int as n from messages
        where conversation_id = ${conversationId} and kind = 'note'`
    )[0]!.n;

  it("refuses a write carrying the session cookie from another website's page", async () => {
    const cookie = await sessionCookie(agent.email);
    const before = await notes();
    const forged = await reply(cookie, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect((await json(forged)).error).toMatchObject({ code: 'cross_site_request' });
    const fetchedCrossSite = await reply(cookie, { 'sec-fetch-site': 'cross-site' });
    expect(fetchedCrossSite.status).toBe(403);
    expect(await notes()).toBe(before);

    // Our own pages, and clients that are not browsers, write as before.
    const sameOrigin = await reply(cookie, {
      origin: system.apiUrl,
      'sec-fetch-site': 'same-origin',
    });
    expect(sameOrigin.status).toBe(201);
    expect((await reply(cookie, {})).status).toBe(201);
    expect(await notes()).toBe(before + 2);
    // Reading is not a write.
    const read = await fetch(`${system.apiUrl}/api/v1/conversations/${conversationId}`, {
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(read.status).toBe(200);
  });
});

describe('sign-in lockout', () => {
  it('locks an account after 10 wrong passwords, even for the right one, and no other account', async () => {
    const victim = await system.make.user(workspace.id, { name: 'Victim' });
    const neighbour = await system.make.user(workspace.id, { name: 'Neighbour' });
    for (let attempt = 0; attempt < 10; attempt++) {
      // From many addresses: the lock is per account, whoever guesses.
      const wrong = await login(
        victim.email.toUpperCase(),
        `guess-${attempt}`,
        `203.0.113.${attempt}`,
      );
      expect(wrong.status).toBe(401);
    }
    const locked = await login(victim.email, 'password', '203.0.113.50');
    expect(locked.status).toBe(429);
    const body = await json(locked);
    expect(body.error.code).toBe('account_locked');
    expect(body.error.message).toContain('15 minutes');
    expect((await login(neighbour.email, 'password', '203.0.113.51')).status).toBe(200);
  });

  it('forgets earlier wrong passwords once the right one gets in', async () => {
    const user = await system.make.user(workspace.id, { name: 'Forgetful' });
    for (const round of [1, 2]) {
      for (let attempt = 0; attempt < 9; attempt++)
        expect((await login(user.email, 'nope', `192.0.2.${round}`)).status).toBe(401);
      expect((await login(user.email, 'password', `192.0.2.${round + 10}`)).status).toBe(200);
    }
  });
});

describe('attachments', () => {
  const download = (cookie: string | null) =>
    fetch(`${system.apiUrl}/api/v1/attachments/${attachmentId}`, {
      headers: cookie ? { cookie } : {},
    });

  it('serves a file only to people who may see its conversation, never as a page', async () => {
    expect((await download(null)).status).toBe(401);
    const stranger = await download(await sessionCookie(outsider.email));
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).not.toContain('alert');

    const file = await download(await sessionCookie(agent.email));
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    // HTML from a customer is a download, under a name without markup.
    expect(file.headers.get('content-disposition')).toBe(
      'attachment; filename="invoice_script_.html"',
    );
  });
});
