import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import type { IndicatorsSummary } from '../types';
import { formatCount, formatSeconds } from '../utils/format';
import { ClockDefinition } from './clock-definition';
import { IndicatorSection } from './indicator-section';
import classes from './indicators.module.css';

interface Figure {
  label: string;
  value: string;
  testId: string;
}

interface StatGroupProps {
  title: string;
  figures: Figure[];
  starts: string;
  stops: string;
  note?: string;
  testId: string;
}

function StatGroup({ title, figures, starts, stops, note, testId }: StatGroupProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Stack gap="md" h="100%">
        <Text fw={600}>{title}</Text>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          {figures.map((figure) => (
            <div key={figure.testId}>
              <Text size="xs" c="dimmed">
                {figure.label}
              </Text>
              <Text fw={700} fz="lg" className={classes.figure} data-testid={figure.testId}>
                {figure.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <ClockDefinition starts={starts} stops={stops} note={note} />
      </Stack>
    </Paper>
  );
}

/** How long conversations last and how long customers wait, with or without an answer. */
export function WaitsSection({ summary }: { summary: IndicatorsSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const count = (value: number) => formatCount(locale, value);
  const seconds = (value: number | null) => formatSeconds(t, value);
  const average = t('indicators.waits.average');
  const longest = t('indicators.waits.longest');
  const conversations = t('indicators.waits.conversations');
  const { duration, queueWait, abandoned } = summary;

  return (
    <IndicatorSection
      title={t('indicators.waits.title')}
      icon={<IconHourglass size={18} />}
      color="grape"
      aside={
        <Text size="xs" c="dimmed">
          {t('indicators.waits.exact')}
        </Text>
      }
      testId="indicators-waits"
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <StatGroup
          testId="indicators-duration"
          title={t('indicators.waits.duration.title')}
          starts={t('indicators.waits.duration.starts')}
          stops={t('indicators.waits.duration.stops')}
          note={t('indicators.waits.duration.scope')}
          figures={[
            { label: average, value: seconds(duration.averageSeconds), testId: 'duration-average' },
            { label: longest, value: seconds(duration.longestSeconds), testId: 'duration-longest' },
            { label: conversations, value: count(duration.count), testId: 'duration-count' },
          ]}
        />
        <StatGroup
          testId="indicators-queue-wait"
          title={t('indicators.waits.queueWait.title')}
          starts={t('indicators.waits.queueWait.starts')}
          stops={t('indicators.waits.queueWait.stops')}
          figures={[
            { label: average, value: seconds(queueWait.averageSeconds), testId: 'queue-average' },
            { label: longest, value: seconds(queueWait.longestSeconds), testId: 'queue-longest' },
            { label: conversations, value: count(queueWait.count), testId: 'queue-count' },
          ]}
        />
        <StatGroup
          testId="indicators-abandonment"
          title={t('indicators.waits.abandonment.title')}
          starts={t('indicators.waits.abandonment.starts')}
          stops={t('indicators.waits.abandonment.stops')}
          figures={[
            {
              label: average,
              value: seconds(abandoned.averageWaitSeconds),
              testId: 'abandonment-average',
            },
            {
              label: longest,
              value: seconds(abandoned.longestWaitSeconds),
              testId: 'abandonment-longest',
            },
            {
              label: t('indicators.waits.abandonment.count'),
              value: count(abandoned.count),
              testId: 'abandonment-count',
            },
            {
              label: t('indicators.waits.abandonment.withMessage'),
              value: count(abandoned.withMessage),
              testId: 'abandonment-with-message',
            },
          ]}
        />
      </SimpleGrid>
    </IndicatorSection>
  );
}
