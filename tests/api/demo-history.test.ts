import {
  seedDemo,
  seedDemoHistory,
  type DemoHistoryResult,
  type SeededDemo,
} from '@switchboard/stack';
import { startTestSystem, type ApiClient, type TestSystem } from '@switchboard/stack/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './support';

/*
 * The demo's month of history: seeded once, all closed, nothing today, and the supervisor's
 * indicators read exactly what the rows say.
 */
const ZONE = 'America/Mexico_City';
let system: TestSystem;
let seeded: SeededDemo;
let first: DemoHistoryResult;
let second: DemoHistoryResult;
let firstRunMs: number;
let supervisor: ApiClient;

beforeAll(async () => {
  system = await startTestSystem({ worker: false });
  const options = {
    secretKey: system.config.SECRET_KEY,
    password: 'password',
    sandboxSmtpPort: 1,
    shopOrigins: [],
  };
  seeded = await seedDemo(system.db.db, options);
  const started = performance.now();
  first = await seedDemoHistory(system.db.db, seeded);
  firstRunMs = performance.now() - started;
  // A second `npm start`: the demo seed runs again, then the history finds itself and stops.
  await seedDemo(system.db.db, options);
  second = await seedDemoHistory(system.db.db, seeded);
  supervisor = await system.signIn('supervisor@demo.test', 'password');
});

afterAll(() => system.stop());

const count = async (query: Promise<Array<{ n: number }>>) => (await query)[0]!.n;

describe('the demo history', () => {
  it('adds about 25 conversations a day for 30 days, once, in a few bulk inserts', async () => {
    expect(first.added).toBe(true);
    expect(first.conversations).toBeGreaterThan(600);
    expect(first.conversations).toBeLessThan(900);
    expect(first.messages).toBeGreaterThan(first.conversations * 4);
    expect(first.contacts).toBeGreaterThan(90);
    expect(firstRunMs).toBeLessThan(10_000);

    expect(second).toEqual({ added: false, contacts: 0, conversations: 0, messages: 0 });
    const w = seeded.workspaceId;
    expect(
      await count(
        system.db.sql`select count(*)::int as n from conversations where workspace_id = ${w}`,
      ),
    ).toBe(first.conversations);
    expect(
      await count(system.db.sql`select count(*)::int as n from messages where workspace_id = ${w}`),
    ).toBe(first.messages);
    expect(
      await count(system.db.sql`select count(*)::int as n from contacts where workspace_id = ${w}`),
    ).toBe(first.contacts);
  });

  it('leaves every conversation closed with an outcome, spread over the 30 days before today', async () => {
    const w = seeded.workspaceId;
    const [row] = await system.db.sql<
      Array<{ open: number; today: number; days: number; first_day: number; inboxes: number }>
    >`
      with today as (select (now() at time zone ${ZONE})::date as d)
      select
        count(*) filter (where status <> 'closed' or outcome is null or closed_at is null)::int as open,
        count(*) filter (where (created_at at time zone ${ZONE})::date >= (select d from today)
          or (closed_at at time zone ${ZONE})::date >= (select d from today))::int as today,
        count(distinct (created_at at time zone ${ZONE})::date)::int as days,
        ((select d from today) - min((created_at at time zone ${ZONE})::date))::int as first_day,
        count(distinct inbox_id)::int as inboxes
      from conversations where workspace_id = ${w}`;
    expect(row).toEqual({ open: 0, today: 0, days: 30, first_day: 30, inboxes: 4 });

    // Attended ones are the agent's, who took part; abandoned ones nobody ever took.
    const [shape] = await system.db.sql<
      Array<{
        attended_without_agent: number;
        abandoned_taken: number;
        missing_participant: number;
      }>
    >`
      select
        count(*) filter (where first_assigned_at is not null and (assignee_id is null
          or last_assignee_id is distinct from assignee_id))::int as attended_without_agent,
        count(*) filter (where outcome = 'abandoned' and first_assigned_at is not null)::int
          as abandoned_taken,
        count(*) filter (where assignee_id is not null and not exists (
          select 1 from conversation_participants p
          where p.conversation_id = conversations.id and p.user_id = conversations.assignee_id))::int
          as missing_participant
      from conversations where workspace_id = ${w}`;
    expect(shape).toEqual({
      attended_without_agent: 0,
      abandoned_taken: 0,
      missing_participant: 0,
    });
  });

  it('gives the supervisor last week’s indicators, equal to counting the rows', async () => {
    const w = seeded.workspaceId;
    const [period] = await system.db.sql<Array<{ from: string; to: string }>>`
      select to_char((now() at time zone ${ZONE})::date - 7, 'YYYY-MM-DD') as from,
             to_char((now() at time zone ${ZONE})::date - 1, 'YYYY-MM-DD') as to`;
    const { from, to } = period!;
    const response = await supervisor(`/api/v1/indicators?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const report = await json(response);
    const { summary } = report;

    const inPeriod = (column: string) =>
      system.db
        .sql`(${system.db.sql(column)} at time zone ${ZONE})::date between ${from}::date and ${to}::date`;
    const [expected] = await system.db.sql<
      Array<{
        started: number;
        attended: number;
        first_response: number;
        abandoned: number;
        offline: number;
        resolved: number;
        first_contact: number;
      }>
    >`
      select count(*)::int as started,
        count(first_assigned_at)::int as attended,
        count(first_response_at)::int as first_response,
        count(*) filter (where outcome = 'abandoned')::int as abandoned,
        count(*) filter (where received_offline)::int as offline,
        count(*) filter (where outcome = 'resolved')::int as resolved,
        count(*) filter (where outcome = 'resolved' and reopen_count = 0 and transfer_count = 0)::int
          as first_contact
      from conversations where workspace_id = ${w} and ${inPeriod('created_at')}`;
    const nextReplies = await count(system.db.sql`
      select count(*)::int as n from messages
      where workspace_id = ${w} and response_ms is not null and ${inPeriod('created_at')}`);

    expect(summary.started).toBeGreaterThan(0);
    expect(summary.attended).toBeGreaterThan(0);
    expect(summary.firstResponse.count).toBeGreaterThan(0);
    expect(summary.nextReply.count).toBeGreaterThan(0);
    expect(summary.started).toBe(expected!.started);
    expect(summary.attended).toBe(expected!.attended);
    expect(summary.firstResponse.count).toBe(expected!.first_response);
    expect(summary.nextReply.count).toBe(nextReplies);
    expect(summary.abandoned.count).toBe(expected!.abandoned);
    expect(summary.abandoned.withMessage).toBe(expected!.abandoned);
    expect(summary.offlineReceived).toBe(expected!.offline);
    expect(summary.resolution.count).toBe(expected!.resolved);
    expect(summary.resolvedFirstContact).toBe(expected!.first_contact);

    const outcomes = Object.fromEntries(
      report.outcomes.map((row: { outcome: string; count: number }) => [row.outcome, row.count]),
    );
    expect(outcomes.resolved).toBe(expected!.resolved);
    expect(outcomes.abandoned).toBeGreaterThan(0);
    // Some were reopened or transferred, so first-contact resolution is not everything.
    expect(summary.resolvedFirstContact).toBeLessThan(expected!.resolved);
    expect(report.byChannel.map((row: { channel: string }) => row.channel).sort()).toEqual([
      'email',
      'sms_twilio',
      'whatsapp_cloud',
      'whatsapp_twilio',
    ]);
    // Plausible clocks: a wait in queue of minutes, a first response within the hour.
    expect(summary.queueWait.averageSeconds).toBeGreaterThan(30);
    expect(summary.queueWait.averageSeconds).toBeLessThan(30 * 60);
    expect(summary.firstResponse.medianSeconds).toBeLessThan(60 * 60);

    // Per agent: the conversations Ana held last, and the next replies she wrote.
    const [ana] = await system.db.sql<Array<{ id: string }>>`
      select id from users where email = 'agent1@demo.test'`;
    const hers = await json(
      await supervisor(`/api/v1/indicators?from=${from}&to=${to}&agentId=${ana!.id}`),
    );
    const held = await count(system.db.sql`
      select count(*)::int as n from conversations
      where workspace_id = ${w} and coalesce(assignee_id, last_assignee_id) = ${ana!.id}
        and ${inPeriod('created_at')}`);
    const written = await count(system.db.sql`
      select count(*)::int as n from messages
      where workspace_id = ${w} and response_ms is not null and author_user_id = ${ana!.id}
        and ${inPeriod('created_at')}`);
    expect(hers.summary.started).toBe(held);
    expect(hers.summary.started).toBeGreaterThan(0);
    expect(hers.summary.started).toBeLessThan(summary.started);
    expect(hers.summary.nextReply.count).toBe(written);

    // Today belongs to the live demo: nothing of the history is counted there.
    const [today] = await system.db.sql<Array<{ d: string }>>`
      select to_char((now() at time zone ${ZONE})::date, 'YYYY-MM-DD') as d`;
    const live = await json(await supervisor(`/api/v1/indicators?from=${today!.d}&to=${today!.d}`));
    expect(live.summary.started).toBe(0);
    expect(live.summary.nextReply.count).toBe(0);
  });

  it('lets an agent read the threads they took part in from their Closed tab', async () => {
    const ana = await system.signIn('agent1@demo.test', 'password');
    const closed = await json(await ana('/api/v1/conversations?tab=closed&limit=50'));
    expect(closed.items.length).toBeGreaterThan(10);
    const [me] = await system.db.sql<Array<{ id: string }>>`
      select id from users where email = 'agent1@demo.test'`;

    // One she answered: the customer wrote, she replied in the same channel, it was closed.
    const answered = await system.db.sql<Array<{ id: string; inbox_id: string }>>`
      select c.id, c.inbox_id from conversations c
      where c.workspace_id = ${seeded.workspaceId} and c.assignee_id = ${me!.id}
        and c.outcome = 'resolved' and c.transfer_count = 0 and c.reopen_count = 0
      order by c.created_at desc limit 1`;
    const thread = await json(
      await ana(`/api/v1/conversations/${answered[0]!.id}/messages?limit=200`),
    );
    const said = thread.items.filter((message: { kind: string }) => message.kind === 'message');
    const customer = said.find((message: { direction: string }) => message.direction === 'inbound');
    const reply = said.find(
      (message: { direction: string; automatic: boolean }) =>
        message.direction === 'outbound' && !message.automatic,
    );
    expect(customer.author.type).toBe('contact');
    expect(customer.text.length).toBeGreaterThan(10);
    expect(reply.author).toMatchObject({ type: 'user', id: me!.id, name: 'Ana Agent' });
    expect(['delivered', 'read', 'sent']).toContain(reply.status);
    expect(reply.channel).toBe(customer.channel);
    const activities = thread.items
      .filter((message: { kind: string }) => message.kind === 'activity')
      .map((message: { activity: { type: string } }) => message.activity.type);
    expect(activities[0]).toBe('opened');
    expect(activities.at(-1)).toBe('closed');
  });
});
