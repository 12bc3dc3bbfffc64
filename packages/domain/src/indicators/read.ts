import { schema, type InboxKind } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { Period } from './period';
import { sumSteps } from './scale';

export interface IndicatorFilters {
  agentId?: string | undefined;
  inboxId?: string | undefined;
  channel?: InboxKind | undefined;
  teamId?: string | undefined;
}

/** Figures of one (local hour of day, channel) group; every other view adds groups up. */
export interface ConversationGroup {
  hour: number;
  channel: InboxKind;
  started: number;
  attended: number;
  resolvedFirstContact: number;
  notResolvedFirstContact: number;
  offlineReceived: number;
  durationCount: number;
  durationSum: number;
  durationMax: number;
  waitCount: number;
  waitSum: number;
  waitMax: number;
  abandoned: number;
  abandonedWithMessage: number;
  abandonWaitSum: number;
  abandonWaitMax: number;
  firstResponseCount: number;
  firstResponseSum: number;
  firstResponseSteps: number[];
  resolutionCount: number;
  resolutionSum: number;
  resolutionSteps: number[];
  outcomeResolved: number;
  outcomeNoReply: number;
  outcomeNoAgent: number;
  outcomeAbandoned: number;
  outcomeCancelled: number;
}

export interface ReplyGroup {
  hour: number;
  channel: InboxKind;
  nextReplyCount: number;
  nextReplySum: number;
  nextReplySteps: number[];
}

interface Bounds {
  from: string;
  to: string;
}

/** The period's UTC edges, snapped to the hour the summaries are kept by. */
export async function periodBounds(ctx: Ctx, period: Period): Promise<Bounds> {
  const [row] = await ctx.db.execute<{ from: string; to: string }>(sql`
    select
      to_char(date_trunc('hour', (${period.from}::date)::timestamp at time zone ${period.timeZone}, 'UTC')
        at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "from",
      to_char(date_trunc('hour', ((${period.to}::date) + 1)::timestamp at time zone ${period.timeZone}, 'UTC')
        at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "to"`);
  if (!row) throw new Error('period bounds returned nothing');
  return row;
}

const sum = (column: string) => sql`coalesce(sum(b.${sql.identifier(column)}), 0)`;
const max = (column: string) => sql`coalesce(max(b.${sql.identifier(column)}), 0)`;

/** Conversations that started in the period, from the hourly summaries, by local hour and channel. */
export async function readConversationGroups(
  ctx: Ctx,
  period: Period,
  bounds: Bounds,
  filters: IndicatorFilters,
): Promise<ConversationGroup[]> {
  const source = filters.agentId ? schema.agentConversationHours : schema.conversationHours;
  const rows = await ctx.db.execute<Record<string, unknown>>(sql`
    select ${groupKeys(period)},
      ${sum('started')}::int as "started",
      ${sum('attended')}::int as "attended",
      ${sum('resolved_first_contact')}::int as "resolvedFirstContact",
      ${sum('not_resolved_first_contact')}::int as "notResolvedFirstContact",
      ${sum('offline_received')}::int as "offlineReceived",
      ${sum('duration_count')}::int as "durationCount",
      ${sum('duration_sum')}::float8 as "durationSum",
      ${max('duration_max')}::float8 as "durationMax",
      ${sum('wait_count')}::int as "waitCount",
      ${sum('wait_sum')}::float8 as "waitSum",
      ${max('wait_max')}::float8 as "waitMax",
      ${sum('abandoned')}::int as "abandoned",
      ${sum('abandoned_with_message')}::int as "abandonedWithMessage",
      ${sum('abandon_wait_sum')}::float8 as "abandonWaitSum",
      ${max('abandon_wait_max')}::float8 as "abandonWaitMax",
      ${sum('first_response_count')}::int as "firstResponseCount",
      ${sum('first_response_sum')}::float8 as "firstResponseSum",
      ${sumSteps(sql`b.first_response_steps`)} as "firstResponseSteps",
      ${sum('resolution_count')}::int as "resolutionCount",
      ${sum('resolution_sum')}::float8 as "resolutionSum",
      ${sumSteps(sql`b.resolution_steps`)} as "resolutionSteps",
      ${sum('outcome_resolved')}::int as "outcomeResolved",
      ${sum('outcome_no_reply')}::int as "outcomeNoReply",
      ${sum('outcome_no_agent')}::int as "outcomeNoAgent",
      ${sum('outcome_abandoned')}::int as "outcomeAbandoned",
      ${sum('outcome_cancelled')}::int as "outcomeCancelled"
    from ${source} b join ${schema.inboxes} i on i.id = b.inbox_id
    where ${groupFilters(ctx, bounds, filters)}
    group by 1, 2`);
  return rows as unknown as ConversationGroup[];
}

/** Next replies sent in the period (by the agent, when filtered), by local hour and channel. */
export async function readReplyGroups(
  ctx: Ctx,
  period: Period,
  bounds: Bounds,
  filters: IndicatorFilters,
): Promise<ReplyGroup[]> {
  const source = filters.agentId ? schema.agentReplyHours : schema.replyHours;
  const rows = await ctx.db.execute<Record<string, unknown>>(sql`
    select ${groupKeys(period)},
      ${sum('next_reply_count')}::int as "nextReplyCount",
      ${sum('next_reply_sum')}::float8 as "nextReplySum",
      ${sumSteps(sql`b.next_reply_steps`)} as "nextReplySteps"
    from ${source} b join ${schema.inboxes} i on i.id = b.inbox_id
    where ${groupFilters(ctx, bounds, filters)}
    group by 1, 2`);
  return rows as unknown as ReplyGroup[];
}

function groupKeys(period: Period): SQL {
  return sql`extract(hour from b.hour at time zone ${period.timeZone})::int as "hour", i.kind as "channel"`;
}

function groupFilters(ctx: Ctx, bounds: Bounds, filters: IndicatorFilters): SQL {
  return sql.join(
    [
      sql`b.workspace_id = ${ctx.workspaceId}`,
      sql`i.workspace_id = ${ctx.workspaceId}`,
      sql`b.hour >= ${bounds.from}::timestamptz and b.hour < ${bounds.to}::timestamptz`,
      filters.agentId ? sql`b.agent_id = ${filters.agentId}` : undefined,
      filters.inboxId ? sql`b.inbox_id = ${filters.inboxId}` : undefined,
      filters.channel ? sql`i.kind = ${filters.channel}` : undefined,
      filters.teamId ? sql`b.team_id = ${filters.teamId}` : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
}
