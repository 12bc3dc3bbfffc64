import type postgres from 'postgres';
import { createGeneratorFunctions } from './functions';
import type { LoadPlan } from './plan';

/** Ids of the rows made through the factories, which the generated rows refer to. */
export interface Fixtures {
  workspaceId: string;
  /** Index = team number (0–3). */
  teamIds: string[];
  /** Index = agent number; agent a belongs to team a % 4. */
  agentIds: string[];
  /** Index = channel number of pg_temp.inbox_of. */
  inboxIds: string[];
  inboxKinds: string[];
}

export interface LoadCounts {
  contacts: number;
  identities: number;
  conversations: number;
  participants: number;
  messages: number;
  waiting: number;
  open: number;
}

// Waiting conversations of a channel go to its team: Spain → 0, Brazil → 2, SMS → 1, email → 3, web chat → 1.
const TEAM_OF_INBOX = [0, 2, 1, 3, 1];

/**
 * Loads contacts, conversations, participants and messages with set-based inserts in chunks,
 * every value derived from a row number (see functions.ts), then analyzes the tables.
 * Runs on one connection: the generator functions live in its session.
 */
export async function loadInbox(
  sql: postgres.Sql,
  plan: LoadPlan,
  fixtures: Fixtures,
  log: (line: string) => void,
): Promise<LoadCounts> {
  // Foreign keys are right by construction; skipping their per-row triggers halves the load.
  await sql.unsafe(`set session_replication_role = replica`);
  await sql.unsafe(`set synchronous_commit = off`);
  await sql.unsafe(`set maintenance_work_mem = '512MB'`);
  await sql.unsafe(`set work_mem = '64MB'`);
  await createGeneratorFunctions(sql);
  const end = new Date(Date.now() - 3 * 3600_000);
  const start = new Date(end.getTime() - plan.days * 86_400_000);
  const spanSeconds = (end.getTime() - start.getTime()) / 1000;
  const ws = fixtures.workspaceId;

  // The contact of conversation k is ((k - 1) % contacts) + 1; it was created shortly before.
  for (let from = 1; from <= plan.contacts; from += plan.chunk) {
    const to = Math.min(plan.contacts, from + plan.chunk - 1);
    await sql.unsafe(
      `insert into contacts (id, workspace_id, name, country, language, created_at, updated_at)
       select pg_temp.id_of('c' || n), $1::uuid,
              case when pg_temp.inbox_of(n) = 4 and n % 3 = 0 then null else pg_temp.person(n) end,
              (array['ES', 'US', 'BR'])[pg_temp.lang_of(n) + 1],
              (array['es', 'en', 'pt'])[pg_temp.lang_of(n) + 1],
              t, t
       from generate_series($2::bigint, $3::bigint) n,
            lateral (select $4::timestamptz + ((n - 1) * $5::float8 / $6) * interval '1 second'
                            - interval '1 hour' as t) ct`,
      [ws, from, to, start, spanSeconds, plan.conversations],
    );
    await sql.unsafe(
      `insert into contact_identities (workspace_id, contact_id, kind, address, display_name, created_at)
       select $1::uuid, pg_temp.id_of('c' || n), kind::identity_kind, address, display_name, $4::timestamptz
       from generate_series($2::bigint, $3::bigint) n,
            lateral (values
              ((array['whatsapp', 'whatsapp', 'phone', 'email', 'web'])[pg_temp.inbox_of(n) + 1],
               case pg_temp.inbox_of(n)
                 when 0 then (34600000000 + n)::text
                 when 1 then (5511900000000 + n)::text
                 when 2 then '+1555' || lpad(n::text, 7, '0')
                 when 3 then 'customer' || n || '@example.com'
                 else 'v_' || md5('w' || n) end,
               pg_temp.person(n))) primary_identity(kind, address, display_name)
       union all
       -- One contact in ten also wrote by email.
       select $1::uuid, pg_temp.id_of('c' || n), 'email', 'contact' || n || '@mail.example', null, $4::timestamptz
       from generate_series($2::bigint, $3::bigint) n
       where n % 10 = 0 and pg_temp.inbox_of(n) <> 3`,
      [ws, from, to, start],
    );
    log(`contacts ${to}/${plan.contacts}`);
  }

  const live = plan.open + plan.waiting;
  // Every conversation's shape: live ones are the latest, each of a different contact.
  await sql.unsafe(
    `create temp table conv_plan as
     select k, pg_temp.id_of('v' || k) as id, n, pg_temp.id_of('c' || n) as contact_id, pg_temp.inbox_of(n) as inbox, pg_temp.lang_of(n) as lang,
            status, agent,
            case when agent is not null then agent % 4
                 when pg_temp.h(k) % 20 = 0 then null
                 else ($7::int[])[pg_temp.inbox_of(n) + 1] end as team,
            created,
            case when status = 'waiting' then 1 + pg_temp.h(k) % 3
                 when status = 'closed' and k % 100 = 0 then 54
                 else 1 + pg_temp.h(k) % 8 end::int as cnt,
            -- Seconds between one message and the next.
            60 + (pg_temp.h(k) >> 4) % 600 as gap
     from generate_series(1::bigint, $1::bigint) k,
          lateral (select ((k - 1) % $2) + 1 as n, k - ($1 - $3) - 1 as i) ki,
          lateral (select case when i < 0 then 'closed'
                               when i % 3 = 0 and i / 3 < $4 then 'open'
                               else 'waiting' end as status) st,
          lateral (select case when status = 'closed' then (pg_temp.h(k) >> 6) % $5
                               when status = 'open' then (i / 3) % $5 end::int as agent) ag,
          lateral (select $6::timestamptz + ((k - 1) * $8::float8 / $1) * interval '1 second'
                   as created) cr`,
    [
      plan.conversations,
      plan.contacts,
      live,
      plan.open,
      plan.agents,
      start,
      TEAM_OF_INBOX,
      spanSeconds,
    ],
  );
  await sql.unsafe(`create index on conv_plan (k)`);
  await sql.unsafe(`analyze conv_plan`);

  for (let from = 1; from <= plan.conversations; from += plan.chunk) {
    const to = Math.min(plan.conversations, from + plan.chunk - 1);
    await sql.unsafe(
      `with inserted as (
         insert into conversations (
           id, workspace_id, inbox_id, contact_id, reference, status, phase, outcome,
           assignee_id, last_assignee_id, team_id, priority, subject, last_message_preview,
           last_message_at, unread_count, version, created_at, updated_at, queued_at,
           waiting_since, first_assigned_at, first_response_at, last_inbound_at,
           last_outbound_at, closed_at, closed_by, unanswered_since)
         select p.id, $1::uuid, ($2::uuid[])[p.inbox + 1], p.contact_id, pg_temp.reference(p.k),
                p.status::conversation_status,
                (case when p.status <> 'open' then 'in_progress'
                      when pg_temp.h(p.k) % 50 = 1 then 'needs_help'
                      when pg_temp.h(p.k) % 10 = 2 then 'waiting_customer'
                      else 'in_progress' end)::conversation_phase,
                (case when p.status <> 'closed' then null
                      when pg_temp.h(p.k) % 10 = 0 then 'no_reply' else 'resolved' end)::conversation_outcome,
                ($3::uuid[])[p.agent + 1],
                case when p.status = 'closed' then ($3::uuid[])[p.agent + 1] end,
                ($4::uuid[])[p.team + 1],
                case when pg_temp.h(p.k) % 50 = 3 then 1 else 0 end,
                case when p.inbox = 3 then pg_temp.msg_text(p.k, 0, p.lang) end,
                left(pg_temp.msg_text(p.k, p.cnt, p.lang), 200),
                last_at,
                case p.status when 'closed' then 0 when 'waiting' then p.cnt else p.cnt % 2 end,
                1 + p.cnt, p.created, last_at, p.created,
                case when p.status = 'waiting' then p.created end,
                case when p.agent is not null then p.created + interval '90 seconds' end,
                case when p.status <> 'waiting' and p.cnt >= 2 then p.created + p.gap * interval '1 second' end,
                p.created + (case when p.status = 'waiting' or p.cnt % 2 = 1 then p.cnt - 1
                                  else p.cnt - 2 end) * p.gap * interval '1 second',
                case when p.status <> 'waiting' and p.cnt >= 2
                  then p.created + (case when p.cnt % 2 = 0 then p.cnt - 1 else p.cnt - 2 end)
                                   * p.gap * interval '1 second' end,
                case when p.status = 'closed' then last_at + interval '10 minutes' end,
                case when p.status = 'closed' then 'agent' end,
                case when p.status = 'waiting' then p.created
                     when p.status = 'open' and p.cnt % 2 = 1 then last_at end
         from conv_plan p,
              lateral (select p.created + (p.cnt - 1) * p.gap * interval '1 second' as last_at) la
         where p.k between $5 and $6
         returning id, assignee_id, first_assigned_at)
       -- The agent who held it took part in it: closed ones stay in their Closed tab.
       insert into conversation_participants (workspace_id, conversation_id, user_id, created_at)
       select $1::uuid, id, assignee_id, first_assigned_at from inserted where assignee_id is not null`,
      [ws, fixtures.inboxIds, fixtures.agentIds, fixtures.teamIds, from, to],
    );
    await sql.unsafe(
      `insert into messages (
         workspace_id, conversation_id, inbox_id, channel, direction, kind, author_user_id,
         author_contact_id, text, status, occurred_at, response_ms, created_at, updated_at)
       select $1::uuid, p.id, ($2::uuid[])[p.inbox + 1], ($3::text[])[p.inbox + 1]::inbox_kind,
              d.direction::message_direction,
              (case when d.direction = 'internal' then 'note' else 'message' end)::message_kind,
              case when d.direction <> 'inbound' then ($4::uuid[])[p.agent + 1] end,
              case when d.direction = 'inbound' then p.contact_id end,
              pg_temp.msg_text(p.k, j, p.lang),
              (case when d.direction = 'inbound' then 'received'
                    when d.direction = 'internal' then 'sent'
                    when p.status = 'closed' then 'read' else 'delivered' end)::message_status,
              at, case when d.direction = 'outbound' and j >= 4 then p.gap * 1000 end, at, at
       from conv_plan p
            cross join lateral generate_series(1, p.cnt) j,
            lateral (select p.created + (j - 1) * p.gap * interval '1 second' as at) t,
            lateral (select case when p.status = 'waiting' or j % 2 = 1 then 'inbound'
                                 when j < p.cnt and pg_temp.h(p.k * 64 + j) % 25 = 0 then 'internal'
                                 else 'outbound' end as direction) d
       where p.k between $5 and $6`,
      [ws, fixtures.inboxIds, fixtures.inboxKinds, fixtures.agentIds, from, to],
    );
    log(`conversations ${to}/${plan.conversations}`);
  }
  await sql.unsafe(`drop table conv_plan`);
  await sql.unsafe(`set session_replication_role = origin`);

  const [counts] = await sql.unsafe<[LoadCounts]>(
    `select (select count(*) from contacts)::int as contacts,
            (select count(*) from contact_identities)::int as identities,
            (select count(*) from conversations)::int as conversations,
            (select count(*) from conversation_participants)::int as participants,
            (select count(*) from messages)::int as messages,
            (select count(*) from conversations where status = 'waiting')::int as waiting,
            (select count(*) from conversations where status = 'open')::int as open`,
  );
  return counts;
}

/** What autovacuum would have done by the time a real inbox got this big. */
export async function vacuumAnalyze(sql: postgres.Sql): Promise<void> {
  for (const table of [
    'contacts',
    'contact_identities',
    'conversations',
    'conversation_participants',
    'messages',
  ])
    await sql.unsafe(`vacuum (analyze) ${table}`);
}
