import '@mantine/charts/styles.css';
import { ActionIcon, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconCalendarEvent,
  IconChartBar,
  IconDownload,
  IconLock,
  IconRefresh,
  IconWorld,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { useCurrentUser } from '@/features/auth';
import { isApiError } from '@/lib/api-client';
import { currentLocale } from '@/lib/i18n';
import { indicatorsCsvUrl, useIndicators } from '../api/get-indicators';
import { useIndicatorFilters } from '../hooks/use-indicator-filters';
import { useWorkspaceTimeZone } from '../hooks/use-workspace-time-zone';
import { TIMING_METRICS, type Indicators, type IndicatorsQuery } from '../types';
import { describeIndicatorsError } from '../utils/describe-error';
import { formatDate } from '../utils/format';
import { resolveRange, todayIn } from '../utils/period';
import { CountingNotes } from './counting-notes';
import { FilterBar } from './filter-bar';
import { HeadlineStats } from './headline-stats';
import { IndicatorsSkeleton } from './indicators-skeleton';
import { OutcomesSection } from './outcomes-section';
import { TimingSection } from './timing-section';
import { VolumeSection } from './volume-section';
import { WaitsSection } from './waits-section';
import classes from './indicators.module.css';

/** Nothing started, nothing answered, nothing closed: one message instead of empty charts. */
function isEmpty({ summary, outcomes }: Indicators): boolean {
  return (
    summary.started === 0 &&
    summary.firstResponse.count === 0 &&
    summary.nextReply.count === 0 &&
    summary.resolution.count === 0 &&
    outcomes.every((row) => row.count === 0)
  );
}

function errorMessage(t: TFunction, error: Error): string {
  const message = describeIndicatorsError(t, error);
  const requestId = isApiError(error) ? error.requestId : null;
  return requestId ? `${message} (${t('errors.requestId', { id: requestId })})` : message;
}

/** /supervisor/indicators: the team's numbers for a period, for supervisors and admins. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role === 'agent')
    return (
      <div style={{ paddingTop: 80 }} data-testid="indicators-forbidden">
        <EmptyState
          color="orange"
          icon={<IconLock size={28} />}
          title={t('indicators.forbiddenTitle')}
          description={t('indicators.forbiddenBody')}
        />
      </div>
    );
  return <IndicatorsDashboard />;
}

function IndicatorsDashboard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { filters, setFilters } = useIndicatorFilters();
  const { timeZone, learn } = useWorkspaceTimeZone();
  const range = resolveRange(filters, timeZone);
  const query: IndicatorsQuery | null =
    'problem' in range
      ? null
      : {
          from: range.from,
          to: range.to,
          agentId: filters.agentId,
          teamId: filters.teamId,
          channel: filters.channel,
          inboxId: filters.inboxId,
        };
  const indicators = useIndicators(query);
  const data = indicators.data;

  const answeredZone = data?.timeZone;
  useEffect(() => {
    if (answeredZone) learn(answeredZone);
  }, [answeredZone, learn]);

  const shownRange = data ?? query;
  const stale = indicators.isPlaceholderData || query === null;

  return (
    <Stack gap="lg" data-testid="indicators-page">
      <FilterBar
        value={filters}
        onChange={setFilters}
        timeZone={timeZone}
        today={todayIn(timeZone)}
        rangeProblem={'problem' in range ? range.problem : null}
      />

      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="xs">
          {shownRange && (
            <Badge
              variant="light"
              color="gray"
              size="lg"
              tt="none"
              leftSection={<IconCalendarEvent size={14} />}
              data-testid="indicators-period-line"
            >
              {t('indicators.periodLine', {
                from: formatDate(locale, shownRange.from),
                to: formatDate(locale, shownRange.to),
              })}
            </Badge>
          )}
          {data && (
            <Badge
              variant="transparent"
              color="gray"
              tt="none"
              leftSection={<IconWorld size={14} />}
              data-testid="indicators-time-zone"
            >
              {t('indicators.timeZone', { timeZone: data.timeZone })}
            </Badge>
          )}
          {indicators.isFetching && data && (
            <Text size="xs" c="dimmed">
              {t('indicators.updating')}
            </Text>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={t('indicators.refresh')} withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('indicators.refresh')}
              loading={indicators.isFetching}
              disabled={query === null}
              onClick={() => void indicators.refetch()}
            >
              <IconRefresh size={18} />
            </ActionIcon>
          </Tooltip>
          <Button
            component="a"
            href={query ? indicatorsCsvUrl(query) : undefined}
            download
            leftSection={<IconDownload size={16} />}
            disabled={query === null}
            data-testid="indicators-csv"
          >
            {t('indicators.downloadCsv')}
          </Button>
        </Group>
      </Group>

      {indicators.isError ? (
        <ErrorState
          message={errorMessage(t, indicators.error)}
          onRetry={() => void indicators.refetch()}
        />
      ) : data ? (
        <div className={stale ? classes.stale : classes.fresh} data-testid="indicators-content">
          <Stack gap="lg">
            <HeadlineStats summary={data.summary} />
            {isEmpty(data) ? (
              <EmptyState
                icon={<IconChartBar size={28} />}
                title={t('indicators.emptyTitle')}
                description={t('indicators.emptyBody')}
              />
            ) : (
              <>
                {TIMING_METRICS.map((metric) => (
                  <TimingSection key={metric} metric={metric} indicators={data} />
                ))}
                <VolumeSection indicators={data} />
                <OutcomesSection outcomes={data.outcomes} />
                <WaitsSection summary={data.summary} />
              </>
            )}
            <CountingNotes timeZone={data.timeZone} />
          </Stack>
        </div>
      ) : query ? (
        <IndicatorsSkeleton />
      ) : null}
    </Stack>
  );
}
