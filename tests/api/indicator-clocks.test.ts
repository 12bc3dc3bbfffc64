import { startTestSystem, waitFor, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingSms } from './fixtures';
import { json, smsScenario, waitForWaitingConversation, type SmsScenario } from './support';

/*
 * The indicators read timestamps the conversation stores as it goes; these are the moments
 * that start and stop each clock, recorded through the real webhook and API.
 */
let system: TestSystem;
let scenario: SmsScenario;

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await smsScenario(system);
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

const clocks = async (id: string) => {
  const [row] = await system.db.sql`
    select unanswered_since, first_response_at, reopen_count, received_offline
    from conversations where id = ${id}`;
  return row!;
};
const replyWaits = async (id: string) =>
  (
    await system.db.sql`select response_ms from messages
      where conversation_id = ${id} and direction = 'outbound' order by seq`
  ).map((row) => (row.response_ms === null ? null : Number(row.response_ms)));

const reply = (id: string, text: string) =>
  scenario.client(`/api/v1/conversations/${id}/messages`, { body: { text } });

describe('indicator clocks', () => {
  it('times the first response, each next reply and the reopen', async () => {
    const from = '+15005550901';
    expect((await customerWrites(from, 'Hola')).status).toBe(200);
    const { id } = await waitForWaitingConversation(scenario.client, from);
    // Its team had an agent online and no business hours: not an offline message.
    expect(await clocks(id)).toMatchObject({ reopen_count: 0, received_offline: false });
    expect((await clocks(id)).unanswered_since).not.toBeNull();

    await scenario.client(`/api/v1/conversations/${id}/accept`, { method: 'POST' });
    expect((await reply(id, 'Hola, ¿en qué te ayudo?')).status).toBe(201);
    const answered = await clocks(id);
    expect(answered.first_response_at).not.toBeNull();
    expect(answered.unanswered_since).toBeNull();

    // A second reply with nothing to answer is not a next reply.
    expect((await reply(id, '¿Sigues ahí?')).status).toBe(201);
    expect(await replyWaits(id)).toEqual([null, null]);

    // The customer writes twice; the clock starts at the first of them.
    await customerWrites(from, 'Sí, mi pedido no llegó');
    await waitFor(async () => (await clocks(id)).unanswered_since !== null);
    const since = (await clocks(id)).unanswered_since as Date;
    await customerWrites(from, '¿Hola?');
    await waitFor(async () => {
      const [row] = await system.db
        .sql`select count(*)::int as n from messages where conversation_id = ${id} and direction = 'inbound'`;
      return row!.n === 3;
    });
    expect((await clocks(id)).unanswered_since).toEqual(since);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await reply(id, 'Lo reviso ahora')).status).toBe(201);
    const [first, second, next] = await replyWaits(id);
    expect([first, second]).toEqual([null, null]);
    expect(next).toBeGreaterThanOrEqual(300);
    expect(next).toBeLessThan(30_000);
    expect((await clocks(id)).unanswered_since).toBeNull();

    // Closed, then the customer writes again within the reopen window.
    await scenario.client(`/api/v1/conversations/${id}/close`, { body: { outcome: 'resolved' } });
    await customerWrites(from, 'Otra pregunta');
    await waitFor(
      async () =>
        (await json(await scenario.client(`/api/v1/conversations/${id}`))).status !== 'closed',
    );
    expect(await clocks(id)).toMatchObject({ reopen_count: 1 });
  });

  it('counts transfers and reassignments, not calls for help', async () => {
    const from = '+15005550903';
    expect((await customerWrites(from, 'Necesito ayuda')).status).toBe(200);
    const { id } = await waitForWaitingConversation(scenario.client, from);
    await scenario.client(`/api/v1/conversations/${id}/accept`, { method: 'POST' });
    const transfers = async () =>
      (await system.db.sql`select transfer_count from conversations where id = ${id}`)[0]!
        .transfer_count as number;

    expect(
      (await scenario.client(`/api/v1/conversations/${id}/help`, { method: 'POST' })).status,
    ).toBe(200);
    expect(await transfers()).toBe(0);

    const colleague = await system.make.user(scenario.workspaceId, { name: 'Teo' });
    const [membership] = await system.db
      .sql`select team_id from team_members where user_id = ${scenario.agent.id}`;
    await system.make.member(scenario.workspaceId, membership!.team_id as string, colleague.id);
    const boss = await system.signIn(
      (await system.make.user(scenario.workspaceId, { role: 'supervisor' })).email,
    );
    const assigned = await boss(`/api/v1/conversations/${id}/assign`, {
      body: { userId: colleague.id },
    });
    expect(assigned.status).toBe(200);
    expect(await transfers()).toBe(1);
  });

  it('marks a message that came in while nobody could attend', async () => {
    await system.db
      .sql`update users set presence = 'away' where workspace_id = ${scenario.workspaceId}`;
    const from = '+15005550902';
    expect((await customerWrites(from, 'Buenas noches')).status).toBe(200);
    const { id } = await waitForWaitingConversation(scenario.client, from);
    expect(await clocks(id)).toMatchObject({ received_offline: true });
    await system.db
      .sql`update users set presence = 'online' where workspace_id = ${scenario.workspaceId}`;
  });
});
