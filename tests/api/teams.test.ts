import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

let system: TestSystem;
let admin: ApiClient;
let agent: ApiClient;
let otherAdmin: ApiClient;
let agentId: string;
let foreignUserId: string;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  const workspace = await system.make.workspace();
  const adminUser = await system.make.user(workspace.id, { role: 'admin', name: 'Ada Admin' });
  const agentUser = await system.make.user(workspace.id, { name: 'Ana Agent' });
  agentId = agentUser.id;
  const other = await system.make.workspace();
  const otherUser = await system.make.user(other.id, { role: 'admin' });
  foreignUserId = otherUser.id;
  admin = await system.signIn(adminUser.email);
  agent = await system.signIn(agentUser.email);
  otherAdmin = await system.signIn(otherUser.email);
});
afterAll(() => system.stop());

const weekdays = {
  timeZone: 'America/Mexico_City',
  days: { '1': ['09:00-18:00'], '2': ['09:00-13:00', '15:00-19:00'] },
};

describe('teams', () => {
  it('lets an admin create, change, staff and delete a team', async () => {
    const created = await admin('/api/v1/teams', {
      body: {
        name: 'Facturación',
        assignmentMode: 'round_robin',
        businessHours: weekdays,
        autoReply: { offline: { enabled: true, expectedResponseMinutes: 30 } },
        idleCloseHours: 48,
      },
    });
    expect(created.status).toBe(201);
    const team = await json(created);
    expect(team).toMatchObject({
      name: 'Facturación',
      assignmentMode: 'round_robin',
      sequenceMode: false,
      businessHours: weekdays,
      autoReply: { offline: { enabled: true, expectedResponseMinutes: 30 } },
      idleCloseHours: 48,
      memberIds: [],
    });

    const members = await admin(`/api/v1/teams/${team.id}/members`, {
      method: 'PUT',
      body: { userIds: [agentId] },
    });
    expect(members.status).toBe(200);
    expect((await json(members)).memberIds).toEqual([agentId]);

    const patched = await admin(`/api/v1/teams/${team.id}`, {
      method: 'PATCH',
      body: { name: 'Billing', businessHours: null, sequenceMode: true },
    });
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({
      name: 'Billing',
      businessHours: null,
      sequenceMode: true,
      idleCloseHours: 48,
      memberIds: [agentId],
    });

    // Any user of the workspace reads the teams, with their members.
    const listed = await json<Array<{ id: string; memberIds: string[] }>>(
      await agent('/api/v1/teams'),
    );
    expect(listed.find((item) => item.id === team.id)?.memberIds).toEqual([agentId]);

    expect((await admin(`/api/v1/teams/${team.id}`, { method: 'DELETE' })).status).toBe(204);
    const after = await json<Array<{ id: string }>>(await admin('/api/v1/teams'));
    expect(after.some((item) => item.id === team.id)).toBe(false);
  });

  it('keeps a deleted team’s conversations, now in the workspace queue', async () => {
    const team = await json(await admin('/api/v1/teams', { body: { name: 'Short-lived' } }));
    const [row] = await system.db.sql<Array<{ workspace_id: string }>>`
      select workspace_id from teams where id = ${team.id}`;
    const workspaceId = row!.workspace_id;
    const inbox = await system.smsInbox(workspaceId, { defaultTeamId: team.id });
    const contact = await system.make.contact(workspaceId, {
      kind: 'phone',
      address: '+15005550901',
    });
    const conversation = await system.make.conversation({
      workspaceId,
      inboxId: inbox.id,
      contactId: contact.id,
      reference: 'SB-DEL01',
      teamId: team.id,
    });
    const rule = await json(
      await admin('/api/v1/routing-rules', {
        body: { name: 'To it', conditions: {}, actions: { teamId: team.id, priority: 2 } },
      }),
    );
    expect((await admin(`/api/v1/teams/${team.id}`, { method: 'DELETE' })).status).toBe(204);
    const kept = await json(await admin(`/api/v1/conversations/${conversation.id}`));
    expect(kept).toMatchObject({ id: conversation.id, status: 'waiting', teamId: null });
    const rules = await json<Array<{ id: string; actions: Record<string, unknown> }>>(
      await admin('/api/v1/routing-rules'),
    );
    expect(rules.find((item) => item.id === rule.id)?.actions).toEqual({ priority: 2 });
  });

  it('refuses business hours with an unknown time zone or a malformed range', async () => {
    const badZone = await admin('/api/v1/teams', {
      body: { name: 'X', businessHours: { timeZone: 'Mars/Olympus', days: {} } },
    });
    expect(badZone.status).toBe(400);
    expect((await json(badZone)).error.message).toMatch(/time zone/);

    const badRange = await admin('/api/v1/teams', {
      body: { name: 'X', businessHours: { timeZone: 'UTC', days: { '1': ['9-18'] } } },
    });
    expect(badRange.status).toBe(400);
    const backwards = await admin('/api/v1/teams', {
      body: { name: 'X', businessHours: { timeZone: 'UTC', days: { '1': ['18:00-09:00'] } } },
    });
    expect(backwards.status).toBe(400);
    const badDay = await admin('/api/v1/teams', {
      body: { name: 'X', businessHours: { timeZone: 'UTC', days: { '8': ['09:00-10:00'] } } },
    });
    expect(badDay.status).toBe(400);
  });

  it('accepts only users of the same workspace as members', async () => {
    const team = await json(await admin('/api/v1/teams', { body: { name: 'Sales' } }));
    const response = await admin(`/api/v1/teams/${team.id}/members`, {
      method: 'PUT',
      body: { userIds: [agentId, foreignUserId] },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('unknown_user');
    const unchanged = await json<Array<{ id: string; memberIds: string[] }>>(
      await admin('/api/v1/teams'),
    );
    expect(unchanged.find((item) => item.id === team.id)?.memberIds).toEqual([]);
  });

  it('lets only admins change teams', async () => {
    const team = await json(await admin('/api/v1/teams', { body: { name: 'Support' } }));
    const attempts = [
      agent('/api/v1/teams', { body: { name: 'Mine' } }),
      agent(`/api/v1/teams/${team.id}`, { method: 'PATCH', body: { name: 'Mine' } }),
      agent(`/api/v1/teams/${team.id}/members`, { method: 'PUT', body: { userIds: [agentId] } }),
      agent(`/api/v1/teams/${team.id}`, { method: 'DELETE' }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
  });

  it('answers 404 for a team of another workspace', async () => {
    const team = await json(await admin('/api/v1/teams', { body: { name: 'Private' } }));
    const attempts = [
      otherAdmin(`/api/v1/teams/${team.id}`, { method: 'PATCH', body: { name: 'Stolen' } }),
      otherAdmin(`/api/v1/teams/${team.id}/members`, { method: 'PUT', body: { userIds: [] } }),
      otherAdmin(`/api/v1/teams/${team.id}`, { method: 'DELETE' }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    const theirs = await json<Array<{ id: string }>>(await otherAdmin('/api/v1/teams'));
    expect(theirs.some((item) => item.id === team.id)).toBe(false);
  });
});

describe('API documentation', () => {
  it('describes the teams and routing rules routes', async () => {
    const response = await fetch(`${system.apiUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = await json(response);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/teams/',
        '/api/v1/teams/{id}/members',
        '/api/v1/routing-rules/',
        '/api/v1/routing-rules/{id}',
      ]),
    );
    expect(document.paths['/api/v1/teams/'].post.summary).toMatch(/admins/);
  });
});
