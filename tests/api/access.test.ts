import { startTestSystem, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

let system: TestSystem;
let workspaceA: { id: string };
let workspaceB: { id: string };
let conversationOfB: { id: string };
let agentA: { email: string };
let agentB: { email: string };

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  workspaceA = await system.make.workspace({ name: 'Acme' });
  workspaceB = await system.make.workspace({ name: 'Globex' });
  agentA = await system.make.user(workspaceA.id);
  agentB = await system.make.user(workspaceB.id, { role: 'supervisor' });
  const inboxB = await system.make.smsInbox(workspaceB.id);
  const contactB = await system.make.contact(workspaceB.id, {
    kind: 'phone',
    address: '+15005550001',
  });
  conversationOfB = await system.make.conversation({
    workspaceId: workspaceB.id,
    inboxId: inboxB.id,
    contactId: contactB.id,
    reference: 'SB-GLOBX',
  });
});
afterAll(() => system.stop());

describe('authentication', () => {
  it('answers 401 with the error shape to calls without a session', async () => {
    for (const path of [
      '/api/v1/conversations?tab=waiting',
      '/api/v1/inboxes',
      '/api/v1/auth/me',
      `/api/v1/conversations/${conversationOfB.id}`,
    ]) {
      const response = await fetch(system.apiUrl + path);
      expect(response.status, path).toBe(401);
      const body = await json(response);
      expect(body.error).toMatchObject({ code: 'unauthorized' });
      expect(body.error.requestId).toBeTruthy();
    }
  });

  it('refuses a wrong password with the same answer as an unknown email', async () => {
    const wrong = await fetch(`${system.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agentA.email, password: 'nope' }),
    });
    const unknown = await fetch(`${system.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await json(wrong)).error.code).toBe('invalid_credentials');
    expect((await json(unknown)).error.code).toBe('invalid_credentials');
  });

  it('signs in with a session cookie, tells who is signed in and signs out', async () => {
    const client = await system.signIn(agentA.email.toUpperCase());
    const me = await json(await client('/api/v1/auth/me'));
    expect(me.user).toMatchObject({
      email: agentA.email,
      role: 'agent',
      workspace: { id: workspaceA.id, name: 'Acme' },
    });
    expect((await client('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await client('/api/v1/auth/me')).status).toBe(401);
  });

  it('rejects a malformed login body with 400', async () => {
    const response = await fetch(`${system.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 42 }),
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('invalid_request');
  });
});

describe('workspace isolation', () => {
  it("answers 404 to an agent asking for another workspace's conversation", async () => {
    const client = await system.signIn(agentA.email);
    for (const path of [
      `/api/v1/conversations/${conversationOfB.id}`,
      `/api/v1/conversations/${conversationOfB.id}/messages`,
    ]) {
      const response = await client(path);
      expect(response.status, path).toBe(404);
      expect((await json(response)).error.code).toBe('not_found');
    }
    const accept = await client(`/api/v1/conversations/${conversationOfB.id}/accept`, {
      method: 'POST',
    });
    expect(accept.status).toBe(404);
  });

  it("never lists another workspace's conversations or inboxes, even to a supervisor", async () => {
    const supervisorB = await system.signIn(agentB.email);
    const listedByB = await json(await supervisorB('/api/v1/conversations?tab=waiting'));
    expect(listedByB.items.map((item: { id: string }) => item.id)).toEqual([conversationOfB.id]);

    const client = await system.signIn(agentA.email);
    const listed = await json(await client('/api/v1/conversations?tab=waiting'));
    expect(listed.items).toEqual([]);
    expect(await json(await client('/api/v1/inboxes'))).toEqual([]);
    expect(await json(await client('/api/v1/conversations/counts'))).toEqual({
      waiting: 0,
      open: 0,
      closed: 0,
      closedCapped: false,
      unread: { waiting: 0, open: 0, closed: 0 },
    });
  });

  it('never returns inbox credentials', async () => {
    const supervisorB = await system.signIn(agentB.email);
    const inboxes = await json<Array<Record<string, unknown>>>(
      await supervisorB('/api/v1/inboxes'),
    );
    expect(inboxes).toHaveLength(1);
    expect(Object.keys(inboxes[0] ?? {}).sort()).toEqual([
      'address',
      'externalId',
      'id',
      'kind',
      'name',
    ]);
  });
});

describe('connecting inboxes', () => {
  const body = {
    kind: 'sms_twilio',
    name: 'Ventas',
    address: '+14155550100',
    accountSid: `AC${'0'.repeat(31)}1`,
    authToken: 'a-real-looking-token',
  };

  it('lets an admin connect a Twilio number and never echoes the token', async () => {
    const admin = await system.make.user(workspaceA.id, { role: 'admin' });
    const client = await system.signIn(admin.email);
    const response = await client('/api/v1/inboxes', { body });
    expect(response.status).toBe(201);
    const created = await json(response);
    expect(created).toMatchObject({
      kind: 'sms_twilio',
      address: '+14155550100',
      externalId: body.accountSid,
    });
    expect(JSON.stringify(created)).not.toContain(body.authToken);
    const stored = await system.db
      .sql`select credentials_encrypted from inboxes where id = ${created.id}`;
    expect(String(stored[0]?.credentials_encrypted)).not.toContain(body.authToken);
  });

  it('refuses agents with 403 and bad numbers with 400', async () => {
    const agent = await system.signIn(agentA.email);
    expect((await agent('/api/v1/inboxes', { body })).status).toBe(403);
    const admin = await system.signIn(
      (await system.make.user(workspaceA.id, { role: 'admin' })).email,
    );
    const bad = await admin('/api/v1/inboxes', { body: { ...body, address: '555-0100' } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toContain('E.164');
  });
});

describe('API documentation', () => {
  it('publishes an OpenAPI 3 document with the conversation routes', async () => {
    const response = await fetch(`${system.apiUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = await json(response);
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/conversations/',
        '/api/v1/conversations/{id}/messages',
        '/api/v1/auth/login',
      ]),
    );
    const docs = await fetch(`${system.apiUrl}/api/docs/`);
    expect(docs.status).toBe(200);
  });

  it('reports health and readiness', async () => {
    expect((await fetch(`${system.apiUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${system.apiUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await json(ready)).toMatchObject({ checks: { postgres: true, redis: true } });
  });
});
