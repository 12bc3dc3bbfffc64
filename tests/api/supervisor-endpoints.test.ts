import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

/**
 * Every view that is a supervisor's: an agent gets 403 from the API itself, whatever the
 * web app shows; a supervisor and an admin get the answer.
 */
let system: TestSystem;
let agent: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;
let agentId: string;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  const workspace = await system.make.workspace();
  const team = await system.make.team(workspace.id);
  const ana = await system.make.user(workspace.id, { name: 'Ana' });
  await system.make.member(workspace.id, team.id, ana.id);
  agentId = ana.id;
  agent = await system.signIn(ana.email);
  supervisor = await system.signIn(
    (await system.make.user(workspace.id, { role: 'supervisor' })).email,
  );
  admin = await system.signIn((await system.make.user(workspace.id, { role: 'admin' })).email);
});
afterAll(() => system.stop());

const endpoints = () => [
  '/api/v1/supervisor/monitor',
  '/api/v1/indicators?from=2026-11-01&to=2026-11-07',
  '/api/v1/indicators.csv?from=2026-11-01&to=2026-11-07',
  '/api/v1/conversations?tab=open&scope=all',
  `/api/v1/conversations?tab=waiting&agentId=${agentId}`,
  '/api/v1/conversations/counts?scope=all',
  `/api/v1/conversations/counts?agentId=${agentId}`,
];

describe('supervisor endpoints', () => {
  it('refuse agents with 403', async () => {
    for (const path of endpoints()) {
      const response = await agent(path);
      expect(response.status, path).toBe(403);
      expect((await json(response)).error.code, path).toBe('forbidden');
    }
  });

  it('answer supervisors and admins', async () => {
    for (const client of [supervisor, admin]) {
      for (const path of endpoints()) expect((await client(path)).status, path).toBe(200);
    }
  });

  it('still give agents their own inbox', async () => {
    expect((await agent('/api/v1/conversations?tab=open&scope=mine')).status).toBe(200);
    expect((await agent('/api/v1/conversations/counts')).status).toBe(200);
  });
});
