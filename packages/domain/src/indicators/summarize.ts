import type { ConversationOutcome, InboxKind } from '@switchboard/db';
import type { ConversationGroup, ReplyGroup } from './read';
import { addSteps, emptySteps, percentile } from './scale';

export interface Timing {
  count: number;
  averageSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface Span {
  count: number;
  averageSeconds: number | null;
  longestSeconds: number | null;
}

interface Timings {
  firstResponse: Timing;
  nextReply: Timing;
  resolution: Timing;
}

export interface IndicatorsReport {
  timeZone: string;
  from: string;
  to: string;
  summary: {
    started: number;
    attended: number;
    resolvedFirstContact: number;
    notResolvedFirstContact: number;
    offlineReceived: number;
    duration: Span;
    queueWait: Span;
    abandoned: {
      count: number;
      withMessage: number;
      averageWaitSeconds: number | null;
      longestWaitSeconds: number | null;
    };
  } & Timings;
  byHour: Array<{ hour: number; started: number } & Timings>;
  byChannel: Array<{ channel: InboxKind; started: number } & Timings>;
  heatmap: Array<{ channel: InboxKind; hour: number; count: number }>;
  outcomes: Array<{ outcome: ConversationOutcome; count: number }>;
}

const OUTCOMES: Array<[ConversationOutcome, keyof Totals]> = [
  ['resolved', 'outcomeResolved'],
  ['no_reply', 'outcomeNoReply'],
  ['no_agent', 'outcomeNoAgent'],
  ['abandoned', 'outcomeAbandoned'],
  ['cancelled', 'outcomeCancelled'],
];

/** Adds (local hour, channel) groups up into the whole period, per hour and per channel. */
export function summarize(
  header: { timeZone: string; from: string; to: string },
  conversations: ConversationGroup[],
  replies: ReplyGroup[],
): IndicatorsReport {
  const all = combine(conversations, replies);
  const channels = [
    ...new Set([...conversations, ...replies].map((group) => group.channel)),
  ].sort();
  return {
    ...header,
    summary: {
      started: all.started,
      attended: all.attended,
      resolvedFirstContact: all.resolvedFirstContact,
      notResolvedFirstContact: all.notResolvedFirstContact,
      offlineReceived: all.offlineReceived,
      duration: span(all.durationCount, all.durationSum, all.durationMax),
      queueWait: span(all.waitCount, all.waitSum, all.waitMax),
      abandoned: {
        count: all.abandoned,
        withMessage: all.abandonedWithMessage,
        averageWaitSeconds: average(all.abandonWaitSum, all.abandoned),
        longestWaitSeconds: all.abandoned ? all.abandonWaitMax : null,
      },
      ...timings(all),
    },
    byHour: Array.from({ length: 24 }, (_, hour) => {
      const totals = combine(
        conversations.filter((group) => group.hour === hour),
        replies.filter((group) => group.hour === hour),
      );
      return { hour, started: totals.started, ...timings(totals) };
    }),
    byChannel: channels.map((channel) => {
      const totals = combine(
        conversations.filter((group) => group.channel === channel),
        replies.filter((group) => group.channel === channel),
      );
      return { channel, started: totals.started, ...timings(totals) };
    }),
    heatmap: conversations
      .filter((group) => group.started > 0)
      .map((group) => ({ channel: group.channel, hour: group.hour, count: group.started }))
      .sort((a, b) => a.channel.localeCompare(b.channel) || a.hour - b.hour),
    outcomes: OUTCOMES.map(([outcome, key]) => ({ outcome, count: Number(all[key]) })).filter(
      (row) => row.count > 0,
    ),
  };
}

type Totals = Omit<ConversationGroup, 'hour' | 'channel'> & Omit<ReplyGroup, 'hour' | 'channel'>;

function combine(conversations: ConversationGroup[], replies: ReplyGroup[]): Totals {
  const totals: Totals = {
    started: 0,
    attended: 0,
    resolvedFirstContact: 0,
    notResolvedFirstContact: 0,
    offlineReceived: 0,
    durationCount: 0,
    durationSum: 0,
    durationMax: 0,
    waitCount: 0,
    waitSum: 0,
    waitMax: 0,
    abandoned: 0,
    abandonedWithMessage: 0,
    abandonWaitSum: 0,
    abandonWaitMax: 0,
    firstResponseCount: 0,
    firstResponseSum: 0,
    firstResponseSteps: emptySteps(),
    resolutionCount: 0,
    resolutionSum: 0,
    resolutionSteps: emptySteps(),
    outcomeResolved: 0,
    outcomeNoReply: 0,
    outcomeNoAgent: 0,
    outcomeAbandoned: 0,
    outcomeCancelled: 0,
    nextReplyCount: 0,
    nextReplySum: 0,
    nextReplySteps: emptySteps(),
  };
  for (const group of conversations) {
    for (const key of Object.keys(totals) as Array<keyof Totals>) {
      const value = (group as unknown as Totals)[key];
      if (key.endsWith('Max'))
        (totals[key] as number) = Math.max(totals[key] as number, value as number);
      else if (Array.isArray(value)) addSteps(totals[key] as number[], value);
      else if (typeof value === 'number') (totals[key] as number) += value;
    }
  }
  for (const group of replies) {
    totals.nextReplyCount += group.nextReplyCount;
    totals.nextReplySum += group.nextReplySum;
    addSteps(totals.nextReplySteps, group.nextReplySteps);
  }
  return totals;
}

function timings(totals: Totals): Timings {
  return {
    firstResponse: timing(
      totals.firstResponseCount,
      totals.firstResponseSum,
      totals.firstResponseSteps,
    ),
    nextReply: timing(totals.nextReplyCount, totals.nextReplySum, totals.nextReplySteps),
    resolution: timing(totals.resolutionCount, totals.resolutionSum, totals.resolutionSteps),
  };
}

function timing(count: number, sum: number, steps: number[]): Timing {
  return {
    count,
    averageSeconds: average(sum, count),
    medianSeconds: percentile(steps, 0.5),
    p90Seconds: percentile(steps, 0.9),
  };
}

function span(count: number, sum: number, longest: number): Span {
  return { count, averageSeconds: average(sum, count), longestSeconds: count ? longest : null };
}

const average = (sum: number, count: number) => (count ? round(sum / count) : null);
const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
