import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

let system: TestSystem;
let ana: ApiClient;
let bruno: ApiClient;
let teamId: string;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  const workspace = await system.make.workspace();
  teamId = (await system.make.team(workspace.id)).id;
  ana = await system.signIn((await system.make.user(workspace.id)).email);
  bruno = await system.signIn((await system.make.user(workspace.id)).email);
});
afterAll(() => system.stop());

const save = (client: ApiClient, body: unknown) =>
  client('/api/v1/saved-filters', { method: 'POST', body });

describe('saved filters', () => {
  it('saves, lists by name and deletes my own filters', async () => {
    const created = await save(ana, {
      name: '  VIP waiting ',
      query: { tab: 'waiting', teamId, channel: 'whatsapp_cloud', q: ' pedido ' },
    });
    expect(created.status).toBe(201);
    const vip = await json(created);
    expect(vip).toMatchObject({
      name: 'VIP waiting',
      query: { tab: 'waiting', teamId, channel: 'whatsapp_cloud', q: 'pedido' },
    });
    expect((await save(ana, { name: 'Another', query: { phase: 'needs_help' } })).status).toBe(201);

    const listed = await json<Array<{ id: string; name: string }>>(
      await ana('/api/v1/saved-filters'),
    );
    expect(listed.map((filter) => filter.name)).toEqual(['Another', 'VIP waiting']);
    expect(await json(await bruno('/api/v1/saved-filters'))).toEqual([]);

    // Someone else's filter is not found; mine goes.
    expect((await bruno(`/api/v1/saved-filters/${vip.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await ana(`/api/v1/saved-filters/${vip.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await ana(`/api/v1/saved-filters/${vip.id}`, { method: 'DELETE' })).status).toBe(404);
    const after = await json<Array<{ name: string }>>(await ana('/api/v1/saved-filters'));
    expect(after.map((filter) => filter.name)).toEqual(['Another']);
  });

  it('refuses a name I already use, in any case, but not one a colleague uses', async () => {
    expect((await save(ana, { name: 'Mine', query: {} })).status).toBe(201);
    const duplicate = await save(ana, { name: 'MINE', query: { tab: 'open' } });
    expect(duplicate.status).toBe(409);
    expect((await json(duplicate)).error.code).toBe('saved_filter_exists');
    expect((await save(bruno, { name: 'Mine', query: {} })).status).toBe(201);
  });

  it('validates the query', async () => {
    for (const body of [
      { name: 'Bad tab', query: { tab: 'archived' } },
      { name: 'Bad team', query: { teamId: 'sales' } },
      { name: 'Unknown key', query: { colour: 'red' } },
      { name: '', query: {} },
      { name: 'No query' },
    ]) {
      const response = await save(ana, body);
      expect(response.status, body.name).toBe(400);
      expect((await json(response)).error.code).toBe('invalid_request');
    }
    expect((await fetch(`${system.apiUrl}/api/v1/saved-filters`)).status).toBe(401);
  });
});
