import {
  bigint,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns';
import { workspaces } from './workspaces';

/*
 * Indicators read hourly summaries instead of a month of raw rows. Each row sums the
 * conversations that started (or the next replies sent) in one UTC hour, per inbox and team,
 * and in the agent tables also per agent.
 * Rows are rebuilt from the raw timestamps whenever a trigger marks their hour as changed, so
 * they never drift from the conversations they summarize. Times are in seconds.
 */

const count = (name: string) => integer(name).notNull().default(0);
const seconds = (name: string) => doublePrecision(name).notNull().default(0);
/** Counts per step of the indicators' time scale (see packages/domain/src/indicators/scale.ts). */
const histogram = (name: string) => integer(name).array().notNull();

const conversationFigures = {
  started: count('started'),
  attended: count('attended'),
  resolvedFirstContact: count('resolved_first_contact'),
  notResolvedFirstContact: count('not_resolved_first_contact'),
  offlineReceived: count('offline_received'),
  durationCount: count('duration_count'),
  durationSum: seconds('duration_sum'),
  durationMax: seconds('duration_max'),
  waitCount: count('wait_count'),
  waitSum: seconds('wait_sum'),
  waitMax: seconds('wait_max'),
  abandoned: count('abandoned'),
  abandonedWithMessage: count('abandoned_with_message'),
  abandonWaitSum: seconds('abandon_wait_sum'),
  abandonWaitMax: seconds('abandon_wait_max'),
  firstResponseCount: count('first_response_count'),
  firstResponseSum: seconds('first_response_sum'),
  firstResponseSteps: histogram('first_response_steps'),
  resolutionCount: count('resolution_count'),
  resolutionSum: seconds('resolution_sum'),
  resolutionSteps: histogram('resolution_steps'),
  outcomeResolved: count('outcome_resolved'),
  outcomeNoReply: count('outcome_no_reply'),
  outcomeNoAgent: count('outcome_no_agent'),
  outcomeAbandoned: count('outcome_abandoned'),
  outcomeCancelled: count('outcome_cancelled'),
};

const replyFigures = {
  nextReplyCount: count('next_reply_count'),
  nextReplySum: seconds('next_reply_sum'),
  nextReplySteps: histogram('next_reply_steps'),
};

const hourKeys = () => ({
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  hour: at('hour').notNull(),
  inboxId: uuid('inbox_id').notNull(),
  teamId: uuid('team_id'),
});

/** Per hour, inbox and team: what the whole workspace, a team or a channel reads. */
export const conversationHours = pgTable(
  'indicator_conversation_hours',
  { ...hourKeys(), ...conversationFigures },
  (t) => [index('indicator_conversation_hours_idx').on(t.workspaceId, t.hour)],
);

/** The same per agent (the last agent who held the conversation), for one agent's figures. */
export const agentConversationHours = pgTable(
  'indicator_agent_conversation_hours',
  { ...hourKeys(), agentId: uuid('agent_id'), ...conversationFigures },
  (t) => [index('indicator_agent_conversation_hours_idx').on(t.workspaceId, t.agentId, t.hour)],
);

export const replyHours = pgTable(
  'indicator_reply_hours',
  { ...hourKeys(), ...replyFigures },
  (t) => [index('indicator_reply_hours_idx').on(t.workspaceId, t.hour)],
);

/** Next replies per hour and author. */
export const agentReplyHours = pgTable(
  'indicator_agent_reply_hours',
  { ...hourKeys(), agentId: uuid('agent_id'), ...replyFigures },
  (t) => [index('indicator_agent_reply_hours_idx').on(t.workspaceId, t.agentId, t.hour)],
);

/**
 * Hours whose summaries must be rebuilt, written by triggers on conversations and messages.
 * Keyed by the writing transaction: writers never wait on each other's marks, and a mark is
 * only taken once the change it stands for has committed.
 */
export const indicatorStaleHours = pgTable(
  'indicator_stale_hours',
  {
    workspaceId: uuid('workspace_id').notNull(),
    source: text('source').notNull().$type<'conversations' | 'replies'>(),
    hour: at('hour').notNull(),
    transaction: bigint('transaction', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.source, t.hour, t.transaction] })],
);
