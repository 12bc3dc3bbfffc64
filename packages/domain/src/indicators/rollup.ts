import { schema } from '@switchboard/db';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Ctx, DomainDeps } from '../context';
import { runOperation } from '../run';
import { stepCounts, stepOf } from './scale';

const c = schema.conversations;
const m = schema.messages;

/*
 * What each indicator counts, per conversation (every clock starts when the conversation
 * started, `created_at`):
 * - attended: an agent took it (`first_assigned_at`);
 * - resolved in the first contact: attended, closed as resolved, never reopened, never
 *   transferred; not resolved in the first contact: attended and closed any other way;
 * - duration: start → close, over attended conversations that are closed;
 * - wait in queue: start → first taken by an agent;
 * - abandoned: closed as abandoned; "with a message" when the customer wrote at all;
 *   wait until abandonment: start → that close;
 * - first response: start → first reply written by a person (automatic replies never count);
 * - resolution: start → close, over conversations closed as resolved.
 * Keep the columns the trigger in migration 0004 watches in step with what is read here.
 */
const attended = sql`${c.firstAssignedAt} is not null`;
const closed = sql`${c.status} = 'closed'`;
const firstContact = sql`(${c.outcome} = 'resolved' and ${c.reopenCount} = 0 and ${c.transferCount} = 0)`;
const abandoned = sql`(${closed} and ${c.outcome} = 'abandoned')`;
const resolved = sql`(${closed} and ${c.outcome} = 'resolved')`;
const since = (end: AnyColumn) => sql`greatest(0, extract(epoch from ${end} - ${c.createdAt}))`;

const count = (when: SQL) => sql`(count(*) filter (where ${when}))::int`;
const total = (value: SQL, when: SQL) =>
  sql`coalesce(sum(${value}) filter (where ${when}), 0)::double precision`;
const longest = (value: SQL, when: SQL) =>
  sql`coalesce(max(${value}) filter (where ${when}), 0)::double precision`;
const outcome = (name: string) => count(sql`${closed} and ${c.outcome} = ${name}`);

/**
 * Hourly summaries of the conversations matching `where`, grouped by hour, inbox and team,
 * and with `byAgent` also by the last agent who held each one.
 */
export function conversationHourRows(where: SQL, { byAgent }: { byAgent: boolean }): SQL {
  const duration = since(c.closedAt);
  const wait = since(c.firstAssignedAt);
  const firstResponse = since(c.firstResponseAt);
  return sql`
    select ${c.workspaceId} as workspace_id,
      date_trunc('hour', ${c.createdAt}, 'UTC') as hour,
      ${c.inboxId} as inbox_id, ${c.teamId} as team_id,
      ${byAgent ? sql`coalesce(${c.assigneeId}, ${c.lastAssigneeId}) as agent_id,` : sql``}
      count(*)::int as started,
      ${count(attended)} as attended,
      ${count(sql`${attended} and ${closed} and ${firstContact}`)} as resolved_first_contact,
      ${count(sql`${attended} and ${closed} and not ${firstContact}`)} as not_resolved_first_contact,
      ${count(sql`${c.receivedOffline}`)} as offline_received,
      ${count(sql`${attended} and ${closed}`)} as duration_count,
      ${total(duration, sql`${attended} and ${closed}`)} as duration_sum,
      ${longest(duration, sql`${attended} and ${closed}`)} as duration_max,
      ${count(attended)} as wait_count,
      ${total(wait, attended)} as wait_sum,
      ${longest(wait, attended)} as wait_max,
      ${count(abandoned)} as abandoned,
      ${count(sql`${abandoned} and ${c.lastInboundAt} is not null`)} as abandoned_with_message,
      ${total(duration, abandoned)} as abandon_wait_sum,
      ${longest(duration, abandoned)} as abandon_wait_max,
      ${count(sql`${c.firstResponseAt} is not null`)} as first_response_count,
      ${total(firstResponse, sql`${c.firstResponseAt} is not null`)} as first_response_sum,
      ${stepCounts(sql`first_response_step`)} as first_response_steps,
      ${count(resolved)} as resolution_count,
      ${total(duration, resolved)} as resolution_sum,
      ${stepCounts(sql`resolution_step`)} as resolution_steps,
      ${outcome('resolved')} as outcome_resolved,
      ${outcome('no_reply')} as outcome_no_reply,
      ${outcome('no_agent')} as outcome_no_agent,
      ${outcome('abandoned')} as outcome_abandoned,
      ${outcome('cancelled')} as outcome_cancelled
    -- Each row's steps are worked out once; the outer query only compares them. The alias
    -- keeps the column references above pointing at these rows.
    from (
      select ${c}.*,
        case when ${c.firstResponseAt} is not null then ${stepOf(firstResponse)} end as first_response_step,
        case when ${resolved} then ${stepOf(duration)} end as resolution_step
      from ${c}
      where ${where}
    ) as conversations
    group by ${groupKeys(byAgent)}`;
}

const groupKeys = (byAgent: boolean) => sql.raw(byAgent ? '1, 2, 3, 4, 5' : '1, 2, 3, 4');

/**
 * Hourly summaries of next replies (a person's reply to a customer who had been waiting,
 * after the first response; `response_ms` is how long they waited), by the hour it was sent,
 * under its conversation's inbox and team.
 */
export function replyHourRows(where: SQL, { byAgent }: { byAgent: boolean }): SQL {
  const waited = sql`${m.responseMs} / 1000.0`;
  return sql`
    select ${m.workspaceId} as workspace_id,
      date_trunc('hour', ${m.createdAt}, 'UTC') as hour,
      conversation_inbox_id as inbox_id, conversation_team_id as team_id,
      ${byAgent ? sql`${m.authorUserId} as agent_id,` : sql``}
      count(*)::int as next_reply_count,
      coalesce(sum(${waited}), 0)::double precision as next_reply_sum,
      ${stepCounts(sql`next_reply_step`)} as next_reply_steps
    from (
      select ${m}.*, ${stepOf(waited)} as next_reply_step, ${c.inboxId} as conversation_inbox_id,
        ${c.teamId} as conversation_team_id
      from ${m} join ${c} on ${c.id} = ${m.conversationId}
      where ${m.responseMs} is not null and ${where}
    ) as messages
    group by ${groupKeys(byAgent)}`;
}

/**
 * Rebuilds the summaries of every hour a trigger marked as changed, in this transaction.
 * One workspace refreshes one caller at a time; a change that commits meanwhile marks its
 * hour again and is picked up by the next read.
 */
export async function refreshStaleHours(ctx: Ctx): Promise<void> {
  await ctx.db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`indicators:${ctx.workspaceId}`}, 0))`,
  );
  const stale = await ctx.db.execute<{ source: string; hours: string[] }>(sql`
    with taken as (
      delete from ${schema.indicatorStaleHours}
      where ${schema.indicatorStaleHours.workspaceId} = ${ctx.workspaceId}
      returning source, hour)
    select source, array_agg(distinct hour::text) as hours from taken group by source`);
  for (const { source, hours } of stale) {
    for (const range of contiguousRanges(hours)) {
      const within = (column: AnyColumn) =>
        sql`${column} >= ${range.from}::timestamptz and ${column} < ${range.to}::timestamptz`;
      const tables = source === 'conversations' ? CONVERSATION_TABLES : REPLY_TABLES;
      for (const [table, byAgent] of tables) {
        await rebuild(ctx, table, range, () =>
          source === 'conversations'
            ? conversationHourRows(
                sql`${c.workspaceId} = ${ctx.workspaceId} and ${within(c.createdAt)}`,
                { byAgent },
              )
            : replyHourRows(
                sql`${m.workspaceId} = ${ctx.workspaceId} and ${c.workspaceId} = ${ctx.workspaceId} and ${within(m.createdAt)}`,
                { byAgent },
              ),
        );
      }
    }
  }
}

type SummaryTable =
  | 'indicator_conversation_hours'
  | 'indicator_agent_conversation_hours'
  | 'indicator_reply_hours'
  | 'indicator_agent_reply_hours';

const CONVERSATION_TABLES: Array<[SummaryTable, boolean]> = [
  ['indicator_conversation_hours', false],
  ['indicator_agent_conversation_hours', true],
];
const REPLY_TABLES: Array<[SummaryTable, boolean]> = [
  ['indicator_reply_hours', false],
  ['indicator_agent_reply_hours', true],
];

const HOUR_MS = 3_600_000;

/** Marked hours as few [from, to) ranges, so a month of marked hours is one indexed scan. */
export function contiguousRanges(hours: string[]): Array<{ from: string; to: string }> {
  const starts = [...new Set(hours.map((hour) => new Date(hour).getTime()))].sort((a, b) => a - b);
  const ranges: Array<{ from: number; to: number }> = [];
  for (const start of starts) {
    const last = ranges.at(-1);
    if (last && last.to === start) last.to = start + HOUR_MS;
    else ranges.push({ from: start, to: start + HOUR_MS });
  }
  return ranges.map((range) => ({
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
  }));
}

async function rebuild(
  ctx: Ctx,
  table: SummaryTable,
  range: { from: string; to: string },
  rows: () => SQL,
): Promise<void> {
  const target = sql.identifier(table);
  await ctx.db.execute(sql`delete from ${target} where workspace_id = ${ctx.workspaceId}
    and hour >= ${range.from}::timestamptz and hour < ${range.to}::timestamptz`);
  // The summaries' columns come in the same order as the tables' (packages/db schema).
  await ctx.db.execute(sql`insert into ${target} ${rows()}`);
}

/**
 * The maintenance sweep rebuilds marked hours of every workspace in the background, so a
 * dashboard reading rarely has more than a few seconds of changes to take in itself.
 */
export async function refreshAllStaleHours(deps: DomainDeps): Promise<number> {
  const rows = await deps.db.execute<{ workspace_id: string }>(
    sql`select distinct workspace_id from ${schema.indicatorStaleHours}`,
  );
  for (const { workspace_id: workspaceId } of rows) {
    await runOperation(deps, { workspaceId, actor: { type: 'system' } }, (ctx) =>
      refreshStaleHours(ctx),
    );
  }
  return rows.length;
}
