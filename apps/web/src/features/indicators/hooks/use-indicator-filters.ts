import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isInboxKind } from '@/types/vocabulary';
import { PERIODS, type IndicatorFilters, type Period } from '../types';

/** The query-string names, short because supervisors share these links. */
const PARAMS = {
  period: 'period',
  from: 'from',
  to: 'to',
  agentId: 'agent',
  teamId: 'team',
  channel: 'channel',
  inboxId: 'inbox',
} as const satisfies Record<keyof IndicatorFilters, string>;

export const DEFAULT_PERIOD: Period = '7d';

function parsePeriod(value: string | null): Period {
  return PERIODS.find((period) => period === value) ?? DEFAULT_PERIOD;
}

function readFilters(params: URLSearchParams): IndicatorFilters {
  const period = parsePeriod(params.get(PARAMS.period));
  const channel = params.get(PARAMS.channel);
  return {
    period,
    // A preset recomputes its dates every day; only a custom range pins them in the link.
    from: period === 'custom' ? (params.get(PARAMS.from) ?? undefined) : undefined,
    to: period === 'custom' ? (params.get(PARAMS.to) ?? undefined) : undefined,
    agentId: params.get(PARAMS.agentId) ?? undefined,
    teamId: params.get(PARAMS.teamId) ?? undefined,
    channel: isInboxKind(channel) ? channel : undefined,
    inboxId: params.get(PARAMS.inboxId) ?? undefined,
  };
}

function writeFilters(filters: IndicatorFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period !== DEFAULT_PERIOD) params.set(PARAMS.period, filters.period);
  const dates = filters.period === 'custom' ? (['from', 'to'] as const) : [];
  for (const field of [...dates, 'agentId', 'teamId', 'channel', 'inboxId'] as const) {
    const value = filters[field];
    if (value) params.set(PARAMS[field], value);
  }
  return params;
}

/** The dashboard's filters live in the URL, so a reload or a shared link shows the same view. */
export function useIndicatorFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const setFilters = useCallback(
    (next: IndicatorFilters) => setParams(writeFilters(next), { replace: true }),
    [setParams],
  );
  return { filters, setFilters };
}
