import { createTestDatabase, type TestDatabase } from '@switchboard/db/testing';
import { getIndicators, runOperation, type DomainDeps } from '@switchboard/domain';
import { afterAll, beforeAll, bench, describe, inject } from 'vitest';

/*
 * Indicators over a month of one million conversations (and 300,000 next replies) in one
 * workspace: five inboxes, four teams, fifty agents. The budget is 300 ms per reading.
 */
const CONVERSATIONS = 1_000_000;
const REPLIES = 300_000;
const MONTH_START = '2026-10-01T06:00:00Z'; // local midnight in Mexico City

let database: TestDatabase;
let deps: DomainDeps;
let workspaceId: string;
let supervisorId: string;
let teamId: string;
let agentId: string;

beforeAll(async () => {
  database = await createTestDatabase(inject('templateDatabaseUrl'), inject('runId'));
  const sql = database.sql;
  const started = Date.now();
  const [workspace] = await sql`insert into workspaces (name, settings)
    values ('Bench', '{"timeZone":"America/Mexico_City"}') returning id`;
  workspaceId = workspace!.id as string;
  const kinds = ['sms_twilio', 'whatsapp_twilio', 'whatsapp_cloud', 'email', 'webchat'];
  const inboxes =
    await sql`insert into inboxes (workspace_id, kind, name, address, credentials_encrypted)
    select ${workspaceId}, k::inbox_kind, k, k, '-' from unnest(${kinds}::text[]) k returning id`;
  const teams = await sql`insert into teams (workspace_id, name)
    select ${workspaceId}, 'Team ' || g from generate_series(1, 4) g returning id`;
  const agents = await sql`insert into users (workspace_id, email, name, password_hash)
    select ${workspaceId}, 'bench-' || g || '-' || ${workspaceId} || '@example.test', 'Agent ' || g, '-'
    from generate_series(1, 51) g returning id`;
  supervisorId = agents[50]!.id as string;
  teamId = teams[0]!.id as string;
  agentId = agents[0]!.id as string;
  await sql`insert into contacts (workspace_id, name)
    select ${workspaceId}, 'Customer ' || g from generate_series(1, 1000) g`;
  const inboxIds = inboxes.map((row) => row.id as string);
  const teamIds = teams.map((row) => row.id as string);
  const agentIds = agents.slice(0, 50).map((row) => row.id as string);
  const contacts = (await sql`select id from contacts where workspace_id = ${workspaceId}`).map(
    (row) => row.id as string,
  );
  // A conversation every 2.6 s for a month; one in five abandoned before anyone took it.
  await sql`
    insert into conversations (workspace_id, inbox_id, contact_id, team_id, reference, status,
      outcome, assignee_id, last_assignee_id, created_at, queued_at, first_assigned_at,
      first_response_at, last_inbound_at, closed_at, reopen_count, escalation_count, received_offline)
    select ${workspaceId}, (${inboxIds}::uuid[])[1 + g % 5], (${contacts}::uuid[])[1 + g % 1000],
      (${teamIds}::uuid[])[1 + g % 4], 'B' || g, 'closed',
      (array['resolved', 'resolved', 'resolved', 'no_reply', 'abandoned'])[1 + g % 5]::conversation_outcome,
      a, a, t, t,
      case when a is not null then t + (g % 600) * interval '1 second' end,
      case when a is not null then t + (g % 900) * interval '1 second' end,
      t, t + (60 + g % 7200) * interval '1 second', (g % 13 = 0)::int, (g % 11 = 0)::int, g % 7 = 0
    from generate_series(1, ${CONVERSATIONS}) g,
      lateral (select ${MONTH_START}::timestamptz + g * interval '2.6 seconds' as t,
        case when g % 5 <> 4 then (${agentIds}::uuid[])[1 + g % 50] end as a) x`;
  await sql`
    insert into messages (workspace_id, conversation_id, inbox_id, direction, kind, status,
      author_user_id, text, created_at, response_ms)
    select c.workspace_id, c.id, c.inbox_id, 'outbound', 'message', 'sent', c.assignee_id, '',
      c.first_response_at + interval '10 minutes', 1000 * (30 + c.seq % 1800)
    from (select *, row_number() over () as seq from conversations
      where workspace_id = ${workspaceId} and assignee_id is not null limit ${REPLIES}) c`;
  await sql`analyze`;
  console.log(`seeded in ${Math.round((Date.now() - started) / 1000)} s`);

  deps = {
    db: database.db,
    secretKey: '-',
    publicUrl: 'http://localhost',
    ports: { enqueue: async () => {}, revive: async () => {}, publish: async () => {} },
  };
  // Building every hourly summary of the month from scratch happens once, after a bulk load.
  const first = Date.now();
  await readMonth({});
  console.log(`first reading (builds a month of summaries) in ${Date.now() - first} ms`);
}, 600_000);
afterAll(() => database?.drop());

const readMonth = (filters: Record<string, string>) =>
  runOperation(
    deps,
    { workspaceId, actor: { type: 'user', id: supervisorId, role: 'supervisor', name: 'Sara' } },
    (ctx) => getIndicators({ ctx, input: { from: '2026-10-01', to: '2026-10-31', ...filters } }),
  );

/** Live traffic: conversations of the last hour close between two readings. */
async function closeSome() {
  await database.sql`
    update conversations set closed_at = closed_at + interval '1 second'
    where id in (select id from conversations where workspace_id = ${workspaceId}
      order by created_at desc limit 50)`;
}

describe('indicators over a month of 1,000,000 conversations', () => {
  bench('whole workspace', () => readMonth({}).then(() => undefined), { iterations: 20 });
  bench('one team', () => readMonth({ teamId }).then(() => undefined), { iterations: 20 });
  bench('one channel', () => readMonth({ channel: 'whatsapp_cloud' }).then(() => undefined), {
    iterations: 20,
  });
  bench('one agent', () => readMonth({ agentId }).then(() => undefined), { iterations: 20 });
  bench(
    'whole workspace while conversations keep closing',
    async () => {
      await closeSome();
      await readMonth({});
    },
    { iterations: 20 },
  );
});
