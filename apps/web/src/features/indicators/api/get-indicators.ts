import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { API_BASE, api } from '@/lib/api-client';
import type { Indicators, IndicatorsQuery } from '../types';

export const indicatorKeys = {
  all: ['indicators'] as const,
  period: (query: IndicatorsQuery) => [...indicatorKeys.all, query] as const,
};

/** Only the filters that are set, in a stable order: the query key and both URLs agree. */
function toParams(query: IndicatorsQuery): Record<string, string> {
  const params: Record<string, string> = { from: query.from, to: query.to };
  if (query.agentId) params.agentId = query.agentId;
  if (query.inboxId) params.inboxId = query.inboxId;
  if (query.channel) params.channel = query.channel;
  if (query.teamId) params.teamId = query.teamId;
  return params;
}

export function getIndicators(query: IndicatorsQuery, signal?: AbortSignal): Promise<Indicators> {
  return api.get<Indicators>('/indicators', toParams(query), signal);
}

/**
 * The CSV download is a plain link: the browser sends the session cookie and saves the
 * attachment itself, so there is no blob juggling and big periods stream straight to disk.
 */
export function indicatorsCsvUrl(query: IndicatorsQuery): string {
  return `${API_BASE}/indicators.csv?${new URLSearchParams(toParams(query)).toString()}`;
}

export function indicatorsQueryOptions(query: IndicatorsQuery) {
  return queryOptions({
    queryKey: indicatorKeys.period(query),
    queryFn: ({ signal }) => getIndicators(query, signal),
    // Aggregates over days move slowly; a minute old is fresh enough and spares the database.
    staleTime: 60_000,
    // Changing a filter keeps the previous figures on screen (dimmed) instead of a blank page.
    placeholderData: keepPreviousData,
    // The page explains a refused period next to the filters; no toast on top.
    meta: { inlineErrors: true },
  });
}

export function useIndicators(query: IndicatorsQuery | null) {
  return useQuery({
    ...indicatorsQueryOptions(query ?? { from: '', to: '' }),
    enabled: query !== null,
  });
}
