import type { ConversationOutcome, InboxKind } from '@/types/vocabulary';

/** Median and p90 come rounded down to the dashboard's scale step; the average is exact. */
export interface Timing {
  count: number;
  averageSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface DurationFigures {
  count: number;
  averageSeconds: number | null;
  longestSeconds: number | null;
}

export interface AbandonmentFigures {
  count: number;
  withMessage: number;
  averageWaitSeconds: number | null;
  longestWaitSeconds: number | null;
}

export interface IndicatorsSummary {
  started: number;
  attended: number;
  resolvedFirstContact: number;
  notResolvedFirstContact: number;
  offlineReceived: number;
  duration: DurationFigures;
  queueWait: DurationFigures;
  abandoned: AbandonmentFigures;
  firstResponse: Timing;
  nextReply: Timing;
  resolution: Timing;
}

/** The three clocks charted by hour of day and by channel. */
export const TIMING_METRICS = ['firstResponse', 'nextReply', 'resolution'] as const;
export type TimingMetric = (typeof TIMING_METRICS)[number];

export type TimingsOf = Record<TimingMetric, Timing>;

export interface HourRow extends TimingsOf {
  hour: number;
  started: number;
}

export interface ChannelRow extends TimingsOf {
  channel: InboxKind;
  started: number;
}

export interface HeatmapCell {
  channel: InboxKind;
  hour: number;
  count: number;
}

export interface OutcomeCount {
  outcome: ConversationOutcome;
  count: number;
}

/** GET /api/v1/indicators (contracts.md C). */
export interface Indicators {
  timeZone: string;
  from: string;
  to: string;
  summary: IndicatorsSummary;
  /** Always 24 rows, local hours of the workspace. */
  byHour: HourRow[];
  /** Only channels with data. */
  byChannel: ChannelRow[];
  /** Only non-zero cells. */
  heatmap: HeatmapCell[];
  outcomes: OutcomeCount[];
}

export const PERIODS = ['today', '7d', 'month', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

/** What the filter bar chooses; kept in the URL. */
export interface IndicatorFilters {
  period: Period;
  /** Inclusive local dates (YYYY-MM-DD); only read for the custom period. */
  from?: string;
  to?: string;
  agentId?: string;
  teamId?: string;
  channel?: InboxKind;
  inboxId?: string;
}

/** Exactly what the API takes: a resolved date range plus the optional filters. */
export interface IndicatorsQuery {
  from: string;
  to: string;
  agentId?: string;
  teamId?: string;
  channel?: InboxKind;
  inboxId?: string;
}
