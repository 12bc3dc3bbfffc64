import { schema } from '@switchboard/db';
import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

let system: TestSystem;
let contact: { id: string };
let lonelyContact: { id: string };
let sms: { id: string; reference: string };
let whatsapp: { id: string; reference: string };
let agent: ApiClient;
let otherTeamAgent: ApiClient;
let supervisor: ApiClient;
let otherWorkspace: ApiClient;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  const workspace = await system.make.workspace();
  const support = await system.make.team(workspace.id, { name: 'Support' });
  const sales = await system.make.team(workspace.id, { name: 'Sales' });
  const ana = await system.make.user(workspace.id, { name: 'Ana Agent' });
  const bruno = await system.make.user(workspace.id, { name: 'Bruno Sales' });
  const sara = await system.make.user(workspace.id, { name: 'Sara Super', role: 'supervisor' });
  await system.make.member(workspace.id, support.id, ana.id);
  await system.make.member(workspace.id, sales.id, bruno.id);
  const smsInbox = await system.make.smsInbox(workspace.id, { name: 'SMS Mexico' });
  const waInbox = await system.make.smsInbox(workspace.id, {
    kind: 'whatsapp_twilio',
    name: 'WhatsApp',
  });

  contact = await system.make.contact(
    workspace.id,
    { kind: 'phone', address: '+15005550042' },
    { name: 'Lucía Pérez' },
  );
  await system.db.db.insert(schema.contactIdentities).values([
    {
      workspaceId: workspace.id,
      contactId: contact.id,
      kind: 'whatsapp',
      address: '+15005550042',
      displayName: 'Lucy',
    },
    {
      workspaceId: workspace.id,
      contactId: contact.id,
      kind: 'email',
      address: 'lucia@example.test',
      displayName: 'Lucía P.',
    },
  ]);
  sms = await system.make.conversation({
    workspaceId: workspace.id,
    inboxId: smsInbox.id,
    contactId: contact.id,
    reference: 'SB-CTC01',
    teamId: support.id,
  });
  whatsapp = await system.make.conversation({
    workspaceId: workspace.id,
    inboxId: waInbox.id,
    contactId: contact.id,
    reference: 'SB-CTC02',
    status: 'open',
    assigneeId: ana.id,
    teamId: support.id,
  });
  await system.make.conversation({
    workspaceId: workspace.id,
    inboxId: smsInbox.id,
    contactId: contact.id,
    reference: 'SB-CTC00',
    status: 'closed',
    outcome: 'resolved',
    closedAt: new Date(),
  });
  lonelyContact = await system.make.contact(workspace.id, {
    kind: 'email',
    address: 'nobody@example.test',
  });

  const elsewhere = await system.make.workspace();
  const stranger = await system.make.user(elsewhere.id, { role: 'admin' });

  agent = await system.signIn(ana.email);
  otherTeamAgent = await system.signIn(bruno.email);
  supervisor = await system.signIn(sara.email);
  otherWorkspace = await system.signIn(stranger.email);
});
afterAll(() => system.stop());

const activityTypes = async (client: ApiClient, conversationId: string) => {
  const page = await json<{ items: Array<{ kind: string; activity: { type?: string } | null }> }>(
    await client(`/api/v1/conversations/${conversationId}/messages?limit=200`),
  );
  return page.items.filter((item) => item.kind === 'activity').map((item) => item.activity?.type);
};

describe('contact panel', () => {
  it('shows the contact with every identity and its live conversations in all inboxes', async () => {
    const response = await agent(`/api/v1/contacts/${contact.id}`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      id: contact.id,
      name: 'Lucía Pérez',
      country: null,
      language: null,
      blocked: false,
      notes: null,
    });
    expect(body.identities).toHaveLength(3);
    expect(body.identities).toEqual(
      expect.arrayContaining([
        { kind: 'phone', address: '+15005550042', displayName: null },
        { kind: 'whatsapp', address: '+15005550042', displayName: 'Lucy' },
        { kind: 'email', address: 'lucia@example.test', displayName: 'Lucía P.' },
      ]),
    );
    const open = body.openConversations as Array<Record<string, any>>;
    expect(open.map((item) => item.reference).sort()).toEqual(['SB-CTC01', 'SB-CTC02']);
    expect(open.find((item) => item.id === whatsapp.id)).toMatchObject({
      status: 'open',
      inbox: { kind: 'whatsapp_twilio', name: 'WhatsApp' },
      assignee: { name: 'Ana Agent' },
      visible: true,
    });
    expect(open.find((item) => item.id === sms.id)).toMatchObject({
      status: 'waiting',
      inbox: { kind: 'sms_twilio', name: 'SMS Mexico' },
      assignee: null,
    });
  });

  it('shows staff any contact of the workspace, even one without conversations', async () => {
    const response = await supervisor(`/api/v1/contacts/${lonelyContact.id}`);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ id: lonelyContact.id, openConversations: [] });
  });

  it('answers 404 to an agent who may see none of its conversations, and to other workspaces', async () => {
    for (const client of [otherTeamAgent, otherWorkspace]) {
      for (const [method, path, body] of [
        ['GET', `/api/v1/contacts/${contact.id}`, undefined],
        ['PATCH', `/api/v1/contacts/${contact.id}`, { notes: 'sneaky' }],
        ['POST', `/api/v1/contacts/${contact.id}/block`, undefined],
      ] as const) {
        const response = await client(path, { method, body });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect((await json(response)).error.code).toBe('not_found');
      }
    }
    expect((await agent(`/api/v1/contacts/${lonelyContact.id}`)).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    const response = await fetch(`${system.apiUrl}/api/v1/contacts/${contact.id}`);
    expect(response.status).toBe(401);
    expect((await json(response)).error.code).toBe('unauthorized');
  });
});

describe('editing a contact', () => {
  it('saves name, country, language and notes in canonical form', async () => {
    const response = await agent(`/api/v1/contacts/${contact.id}`, {
      method: 'PATCH',
      body: {
        name: '  Lucía Pérez Ruiz ',
        country: 'mx',
        language: 'es-mx',
        notes: 'Prefers WhatsApp.',
      },
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      name: 'Lucía Pérez Ruiz',
      country: 'MX',
      language: 'es-MX',
      notes: 'Prefers WhatsApp.',
    });
    // Absent fields stay; null clears.
    const cleared = await json(
      await agent(`/api/v1/contacts/${contact.id}`, { method: 'PATCH', body: { notes: null } }),
    );
    expect(cleared).toMatchObject({ name: 'Lucía Pérez Ruiz', country: 'MX', notes: null });
    expect(await json(await supervisor(`/api/v1/contacts/${contact.id}`))).toMatchObject({
      country: 'MX',
      language: 'es-MX',
    });
  });

  it('refuses bad values with 400 and the error shape', async () => {
    for (const [body, field] of [
      [{ country: 'XX' }, 'country'],
      [{ country: 'Mexico' }, 'country'],
      [{ language: 'not a language!' }, 'language'],
      [{ notes: 'x'.repeat(5001) }, 'notes'],
      [{ nickname: 'Lu' }, 'nickname'],
    ] as const) {
      const response = await agent(`/api/v1/contacts/${contact.id}`, { method: 'PATCH', body });
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const error = (await json(response)).error;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(field);
      expect(error.requestId).toBeTruthy();
    }
    expect(await json(await agent(`/api/v1/contacts/${contact.id}`))).toMatchObject({
      country: 'MX',
    });
  });
});

describe('blocking', () => {
  it('blocks and unblocks, logging it once in each live conversation', async () => {
    const blocked = await agent(`/api/v1/contacts/${contact.id}/block`, { method: 'POST' });
    expect(blocked.status).toBe(200);
    expect((await json(blocked)).blocked).toBe(true);
    // Blocking again changes nothing and logs nothing.
    expect((await agent(`/api/v1/contacts/${contact.id}/block`, { method: 'POST' })).status).toBe(
      200,
    );
    for (const conversation of [sms, whatsapp]) {
      const types = await activityTypes(agent, conversation.id);
      expect(types.filter((type) => type === 'contact_blocked')).toHaveLength(1);
    }
    expect((await json(await agent(`/api/v1/contacts/${contact.id}`))).blocked).toBe(true);

    const unblocked = await agent(`/api/v1/contacts/${contact.id}/block`, { method: 'DELETE' });
    expect(unblocked.status).toBe(200);
    expect((await json(unblocked)).blocked).toBe(false);
    expect(await activityTypes(agent, whatsapp.id)).toContain('contact_unblocked');
  });
});

describe('API documentation', () => {
  it('documents the contact, search and saved-filter routes', async () => {
    const response = await fetch(`${system.apiUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = await json(response);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/contacts/{id}',
        '/api/v1/contacts/{id}/block',
        '/api/v1/contacts/{id}/merge',
        '/api/v1/search/',
        '/api/v1/saved-filters/',
        '/api/v1/saved-filters/{id}',
      ]),
    );
    const patch = document.paths['/api/v1/contacts/{id}'].patch;
    expect(Object.keys(patch.requestBody.content['application/json'].schema.properties)).toEqual([
      'name',
      'country',
      'language',
      'notes',
    ]);
  });
});
