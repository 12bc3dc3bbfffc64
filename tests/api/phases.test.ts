import {
  startTestSystem,
  waitFor,
  type ApiClient,
  type TestSystem,
} from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from './fixtures';
import { json, smsScenario, waitForWaitingConversation, type SmsScenario } from './support';

let system: TestSystem;
let scenario: SmsScenario;
let teammate: { id: string; email: string };
let teammateClient: ApiClient;
let outsiderClient: ApiClient;
let supervisorClient: ApiClient;
let phone = 700;

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await smsScenario(system);
  const [membership] = await system.db
    .sql`select team_id from team_members where user_id = ${scenario.agent.id}`;
  teammate = await system.make.user(scenario.workspaceId, { name: 'Teo' });
  await system.make.member(scenario.workspaceId, membership!.team_id as string, teammate.id);
  teammateClient = await system.signIn(teammate.email);
  const outsider = await system.make.user(scenario.workspaceId, { name: 'Olga' });
  await system.make.member(
    scenario.workspaceId,
    (await system.make.team(scenario.workspaceId)).id,
    outsider.id,
  );
  outsiderClient = await system.signIn(outsider.email);
  supervisorClient = await system.signIn(
    (await system.make.user(scenario.workspaceId, { role: 'supervisor' })).email,
  );
});
afterAll(() => system.stop());

const customerWrites = (from: string, body: string) =>
  system.postTwilio(
    `/webhooks/twilio/${scenario.inbox.id}`,
    incomingSms({
      accountSid: system.twilioAccount.accountSid,
      from,
      to: scenario.inbox.address,
      body,
    }),
    system.twilioAccount.authToken,
  );

const detail = async (id: string, client: ApiClient = scenario.client) =>
  json(await client(`/api/v1/conversations/${id}`));

/** A customer's text, accepted by the agent: open and in progress. */
async function acceptedConversation() {
  const from = `+1500555${phone++}`;
  expect((await customerWrites(from, 'Hola')).status).toBe(200);
  const { id } = await waitForWaitingConversation(scenario.client, from);
  const accepted = await scenario.client(`/api/v1/conversations/${id}/accept`, { method: 'POST' });
  expect(await json(accepted)).toMatchObject({ status: 'open', phase: 'in_progress' });
  return { id, from };
}

const post = (client: ApiClient, id: string, action: string, body?: unknown) =>
  client(
    `/api/v1/conversations/${id}/${action}`,
    body === undefined ? { method: 'POST' } : { body },
  );

describe('phases', () => {
  it('waits for the customer after a reply and is in progress again when they write', async () => {
    const { id, from } = await acceptedConversation();
    expect(
      (await post(scenario.client, id, 'messages', { text: '¿En qué te ayudo?' })).status,
    ).toBe(201);
    expect(await detail(id)).toMatchObject({ phase: 'waiting_customer' });
    // A note is not a reply: the phase stays.
    await post(scenario.client, id, 'messages', { text: 'internal', private: true });
    expect(await detail(id)).toMatchObject({ phase: 'waiting_customer' });

    await customerWrites(from, 'Mi pedido no llegó');
    await waitFor(async () => (await detail(id)).phase === 'in_progress', {
      what: 'phase in_progress after the customer wrote',
    });
  });

  it('snoozes until a future time, and wakes when the customer writes or by hand', async () => {
    const { id, from } = await acceptedConversation();
    const past = await post(scenario.client, id, 'snooze', {
      until: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(422);
    const tooFar = await post(scenario.client, id, 'snooze', {
      until: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    });
    expect(tooFar.status).toBe(422);

    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await json(await post(scenario.client, id, 'snooze', { until }));
    expect(snoozed).toMatchObject({ phase: 'snoozed', snoozedUntil: until });

    await customerWrites(from, 'Sigo aquí');
    await waitFor(async () => (await detail(id)).phase === 'in_progress', {
      what: 'the customer waking a snoozed conversation',
    });
    expect((await detail(id)).snoozedUntil).toBeNull();

    await post(scenario.client, id, 'snooze', { until });
    const woken = await json(await post(scenario.client, id, 'unsnooze'));
    expect(woken).toMatchObject({ phase: 'in_progress', snoozedUntil: null });
    expect((await post(scenario.client, id, 'unsnooze')).status).toBe(409);

    const lines = (await json(await scenario.client(`/api/v1/conversations/${id}/messages`))).items
      .filter((item: { kind: string }) => item.kind === 'activity')
      .map((item: { activity: { type: string } }) => item.activity.type);
    expect(lines).toEqual(expect.arrayContaining(['accepted', 'snoozed', 'unsnoozed']));
  });

  it('asks for help; a teammate sees it in the needs-help view, joins it and may write', async () => {
    const { id } = await acceptedConversation();
    expect((await teammateClient(`/api/v1/conversations/${id}`)).status).toBe(404);

    const help = await post(scenario.client, id, 'help', { note: 'Refund over the limit' });
    expect(await json(help)).toMatchObject({ phase: 'needs_help', escalationCount: 1 });
    expect((await post(scenario.client, id, 'help', {})).status).toBe(409);

    const view = await json(await teammateClient('/api/v1/conversations?view=needs_help'));
    expect(view.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect(
      (await json(await outsiderClient('/api/v1/conversations?view=needs_help'))).items,
    ).toEqual([]);
    expect(
      (await json(await supervisorClient('/api/v1/conversations?view=needs_help'))).items.map(
        (item: { id: string }) => item.id,
      ),
    ).toContain(id);
    // Not in the teammate's Open tab until they join.
    const openBefore = await json(await teammateClient('/api/v1/conversations?tab=open'));
    expect(openBefore.items).toEqual([]);

    expect((await post(outsiderClient, id, 'join')).status).toBe(404);
    expect((await post(teammateClient, id, 'join')).status).toBe(200);
    const openAfter = await json(await teammateClient('/api/v1/conversations?tab=open'));
    expect(openAfter.items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect(
      (await post(teammateClient, id, 'messages', { text: 'I can approve it', private: true }))
        .status,
    ).toBe(201);

    const thread = await json(await scenario.client(`/api/v1/conversations/${id}/messages`));
    const kinds = thread.items.map(
      (item: { kind: string; text: string; activity: { type: string } | null }) =>
        item.kind === 'activity' ? item.activity!.type : `${item.kind}:${item.text}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'note:Refund over the limit',
        'help_requested',
        'joined',
        'note:I can approve it',
      ]),
    );
  });

  it('refuses to snooze, hold or ask for help on a conversation that is not open', async () => {
    const from = `+1500555${phone++}`;
    await customerWrites(from, 'Hola');
    const { id } = await waitForWaitingConversation(scenario.client, from);
    for (const action of ['hold', 'help', 'unsnooze']) {
      const response = await post(scenario.client, id, action);
      expect(response.status, `${action}: ${await response.clone().text()}`).toBe(409);
    }
    const snooze = await post(scenario.client, id, 'snooze', {
      until: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(snooze.status).toBe(409);
  });
});
