import { BarChart, LineChart } from '@mantine/charts';
import { Grid, Group, Table, Text } from '@mantine/core';
import {
  IconCircleCheck,
  IconClockHour4,
  IconMessageReply,
  type IconProps,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '@/features/inboxes';
import { currentLocale } from '@/lib/i18n';
import type { Indicators, Timing, TimingMetric } from '../types';
import { durationTicks, largest } from '../utils/duration-axis';
import { formatCount, formatSeconds, hourLabel } from '../utils/format';
import { ClockDefinition } from './clock-definition';
import { IndicatorSection, NoChartData } from './indicator-section';
import classes from './indicators.module.css';

const LOOK: Record<TimingMetric, { icon: ComponentType<IconProps>; color: string }> = {
  firstResponse: { icon: IconMessageReply, color: 'indigo' },
  nextReply: { icon: IconClockHour4, color: 'cyan' },
  resolution: { icon: IconCircleCheck, color: 'teal' },
};

const HOUR_CHART_HEIGHT = 220;
const CHANNEL_CHART_HEIGHT = 220;

function HeadlineFigures({ timing }: { timing: Timing }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" wrap="nowrap">
      {(['medianSeconds', 'p90Seconds'] as const).map((field) => (
        <div key={field}>
          <Text size="xs" c="dimmed" ta="right">
            {t(field === 'medianSeconds' ? 'indicators.timing.median' : 'indicators.timing.p90')}
          </Text>
          <Text fw={700} ta="right" className={classes.figure}>
            {formatSeconds(t, timing[field])}
          </Text>
        </div>
      ))}
    </Group>
  );
}

interface TimingSectionProps {
  metric: TimingMetric;
  indicators: Indicators;
}

/** One clock (first response, next reply or resolution): by hour, by channel, figures, definition. */
export function TimingSection({ metric, indicators }: TimingSectionProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { icon: Icon, color } = LOOK[metric];
  const overall = indicators.summary[metric];
  const seconds = (value: number) => formatSeconds(t, value);
  const series = [
    { name: 'median', label: t('indicators.timing.median'), color: `${color}.6` },
    { name: 'p90', label: t('indicators.timing.p90'), color: 'orange.5' },
  ];

  const byHour = indicators.byHour.map((row) => ({
    hour: hourLabel(row.hour),
    median: row[metric].medianSeconds,
    p90: row[metric].p90Seconds,
  }));
  const hasHourData = indicators.byHour.some((row) => row[metric].count > 0);
  const channels = indicators.byChannel.filter((row) => row[metric].count > 0);
  const byChannel = channels.map((row) => ({
    channel: t(`indicators.channel.${row.channel}`),
    median: row[metric].medianSeconds,
    p90: row[metric].p90Seconds,
  }));
  const axis = (rows: Array<{ median: number | null; p90: number | null }>) => {
    const ticks = durationTicks(largest(rows.flatMap((row) => [row.median, row.p90])));
    return {
      ticks,
      domain: [0, ticks.at(-1) ?? 0],
      width: 80,
      interval: 0 as const,
      // Recharts wraps a tick wider than the axis' own width; "1 h 30 min" reads best on one line.
      tick: { transform: 'translate(-10, 0)', fontSize: 12, fill: 'currentColor', width: 200 },
    };
  };

  return (
    <IndicatorSection
      title={t(`indicators.timing.${metric}.title`)}
      icon={<Icon size={18} />}
      color={color}
      aside={<HeadlineFigures timing={overall} />}
      testId={`indicators-${metric}`}
    >
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 5 }}>
          <Text size="sm" fw={600} mb="xs">
            {t('indicators.timing.byHour')}
          </Text>
          {hasHourData ? (
            <LineChart
              h={HOUR_CHART_HEIGHT}
              data={byHour}
              dataKey="hour"
              series={series}
              curveType="monotone"
              // A gap says "nothing measured at that hour"; a line across it would invent data.
              connectNulls={false}
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: 28 }}
              valueFormatter={seconds}
              xAxisProps={{ interval: 3 }}
              yAxisProps={axis(byHour)}
              dotProps={{ r: 2 }}
            />
          ) : (
            <NoChartData height={HOUR_CHART_HEIGHT} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Text size="sm" fw={600} mb="xs">
            {t('indicators.timing.byChannel')}
          </Text>
          {byChannel.length > 0 ? (
            <BarChart
              h={CHANNEL_CHART_HEIGHT}
              data={byChannel}
              dataKey="channel"
              series={series}
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: 28 }}
              valueFormatter={seconds}
              // Bars run sideways so long channel names ("WhatsApp (Cloud API)") stay readable.
              orientation="vertical"
              xAxisProps={{ ...axis(byChannel), tick: { fontSize: 11, fill: 'currentColor' } }}
              yAxisProps={{ width: 120, interval: 0, tick: { fontSize: 12, fill: 'currentColor' } }}
              maxBarWidth={18}
            />
          ) : (
            <NoChartData height={CHANNEL_CHART_HEIGHT} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <ClockDefinition
            starts={t(`indicators.timing.${metric}.starts`)}
            stops={t(`indicators.timing.${metric}.stops`)}
            counted={t(`indicators.timing.${metric}.counted`)}
            note={t('indicators.timing.rounding')}
          />
        </Grid.Col>
      </Grid>
      <Table.ScrollContainer minWidth={520} mt="lg">
        <Table verticalSpacing={6} fz="sm" data-testid={`indicators-${metric}-table`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('indicators.timing.channel')}</Table.Th>
              <Table.Th ta="right">{t(`indicators.timing.${metric}.count`)}</Table.Th>
              <Table.Th ta="right">{t('indicators.timing.average')}</Table.Th>
              <Table.Th ta="right">{t('indicators.timing.median')}</Table.Th>
              <Table.Th ta="right">{t('indicators.timing.p90')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody className={classes.figure}>
            <Table.Tr fw={600}>
              <Table.Td>{t('indicators.timing.allChannels')}</Table.Td>
              <TimingCells locale={locale} timing={overall} />
            </Table.Tr>
            {channels.map((row) => (
              <Table.Tr key={row.channel}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <ChannelIcon kind={row.channel} size={14} withTooltip={false} />
                    {t(`indicators.channel.${row.channel}`)}
                  </Group>
                </Table.Td>
                <TimingCells locale={locale} timing={row[metric]} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </IndicatorSection>
  );
}

function TimingCells({ locale, timing }: { locale: string; timing: Timing }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td ta="right">{formatCount(locale, timing.count)}</Table.Td>
      <Table.Td ta="right">{formatSeconds(t, timing.averageSeconds)}</Table.Td>
      <Table.Td ta="right">{formatSeconds(t, timing.medianSeconds)}</Table.Td>
      <Table.Td ta="right">{formatSeconds(t, timing.p90Seconds)}</Table.Td>
    </>
  );
}
