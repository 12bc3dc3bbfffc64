import { Grid, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '@/features/inboxes';
import { currentLocale } from '@/lib/i18n';
import { INBOX_KINDS, type InboxKind } from '@/types/vocabulary';
import type { Indicators } from '../types';
import { formatCount, formatShare, hourLabel, shareOf } from '../utils/format';
import { PlainDefinition } from './clock-definition';
import { IndicatorSection, NoChartData } from './indicator-section';
import classes from './indicators.module.css';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Background of a cell: the primary colour, stronger the closer the count is to the busiest. */
function cellStyle(count: number, max: number) {
  const ratio = max > 0 ? count / max : 0;
  const strength = Math.round(15 + 85 * ratio);
  return {
    background: `color-mix(in srgb, var(--mantine-primary-color-filled) ${strength}%, transparent)`,
    color: ratio > 0.55 ? 'var(--mantine-color-white)' : 'var(--mantine-color-text)',
  };
}

interface CellProps {
  /** Channel name, or "All channels" for the totals row. */
  row: string;
  hour: number;
  count: number;
  max: number;
  total?: boolean;
}

function HeatCell({ row, hour, count, max, total }: CellProps) {
  const { t } = useTranslation();
  const text = t('indicators.volume.cell', { channel: row, hour: hourLabel(hour), count });
  if (count === 0)
    return <div className={classes.heatmapCell} data-empty aria-label={text} role="img" />;
  return (
    <Tooltip label={text} withArrow openDelay={150}>
      <div
        className={`${classes.heatmapCell} ${total ? classes.heatmapTotal : ''}`}
        style={cellStyle(count, max)}
        aria-label={text}
        role="img"
      >
        {count}
      </div>
    </Tooltip>
  );
}

/** Conversations started by channel and local hour: when to staff which channel. */
export function VolumeSection({ indicators }: { indicators: Indicators }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const counts = new Map<string, number>();
  for (const cell of indicators.heatmap) counts.set(`${cell.channel}:${cell.hour}`, cell.count);
  const countOf = (channel: InboxKind, hour: number) => counts.get(`${channel}:${hour}`) ?? 0;

  const present = new Set<InboxKind>([
    ...indicators.heatmap.map((cell) => cell.channel),
    ...indicators.byChannel.map((row) => row.channel),
  ]);
  const channels = INBOX_KINDS.filter((kind) => present.has(kind));
  const max = Math.max(0, ...indicators.heatmap.map((cell) => cell.count));
  const totals = HOURS.map(
    (hour) => indicators.byHour.find((row) => row.hour === hour)?.started ?? 0,
  );
  const maxTotal = Math.max(0, ...totals);
  const hasData = indicators.heatmap.some((cell) => cell.count > 0);

  const rows = channels.map((channel) => {
    const perHour = HOURS.map((hour) => countOf(channel, hour));
    const fromCells = perHour.reduce((sum, count) => sum + count, 0);
    const started =
      indicators.byChannel.find((row) => row.channel === channel)?.started ?? fromCells;
    const peak = Math.max(...perHour);
    return { channel, started, busiestHour: peak > 0 ? perHour.indexOf(peak) : null };
  });

  return (
    <IndicatorSection
      title={t('indicators.volume.title')}
      icon={<IconFlame size={18} />}
      color="orange"
      aside={
        <Text fw={700} className={classes.figure}>
          {formatCount(locale, indicators.summary.started)}{' '}
          <Text span c="dimmed" fw={400} size="sm">
            {t('indicators.volume.startedSuffix')}
          </Text>
        </Text>
      }
      testId="indicators-volume"
    >
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          {hasData ? (
            <>
              <div className={classes.heatmapScroll}>
                <div className={classes.heatmap} data-testid="indicators-heatmap">
                  <Text size="xs" c="dimmed">
                    {t('indicators.volume.hour')}
                  </Text>
                  {HOURS.map((hour) => (
                    <div key={hour} className={classes.heatmapHour}>
                      {String(hour).padStart(2, '0')}
                    </div>
                  ))}
                  {channels.map((channel) => {
                    const label = t(`indicators.channel.${channel}`);
                    return (
                      <Fragment key={channel}>
                        <div className={classes.heatmapChannel}>
                          <ChannelIcon kind={channel} size={14} withTooltip={false} />
                          {label}
                        </div>
                        {HOURS.map((hour) => (
                          <HeatCell
                            key={hour}
                            row={label}
                            hour={hour}
                            count={countOf(channel, hour)}
                            max={max}
                          />
                        ))}
                      </Fragment>
                    );
                  })}
                  <div className={`${classes.heatmapChannel} ${classes.heatmapTotal}`}>
                    {t('indicators.volume.allChannels')}
                  </div>
                  {totals.map((count, hour) => (
                    <HeatCell
                      key={hour}
                      row={t('indicators.volume.allChannels')}
                      hour={hour}
                      count={count}
                      max={maxTotal}
                      total
                    />
                  ))}
                </div>
              </div>
              <Group gap="xs" justify="flex-end" mt="xs">
                <Text size="xs" c="dimmed">
                  {t('indicators.volume.fewer')}
                </Text>
                <div className={classes.legendScale} aria-hidden />
                <Text size="xs" c="dimmed">
                  {t('indicators.volume.more')}
                </Text>
              </Group>
            </>
          ) : (
            <NoChartData height={180} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <PlainDefinition>{t('indicators.volume.definition')}</PlainDefinition>
        </Grid.Col>
      </Grid>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={480} mt="lg">
          <Table verticalSpacing={6} fz="sm" data-testid="indicators-volume-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indicators.volume.channel')}</Table.Th>
                <Table.Th ta="right">{t('indicators.volume.started')}</Table.Th>
                <Table.Th ta="right">{t('indicators.volume.share')}</Table.Th>
                <Table.Th ta="right">{t('indicators.volume.busiestHour')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody className={classes.figure}>
              {rows.map((row) => (
                <Table.Tr key={row.channel}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <ChannelIcon kind={row.channel} size={14} withTooltip={false} />
                      {t(`indicators.channel.${row.channel}`)}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(locale, row.started)}</Table.Td>
                  <Table.Td ta="right">
                    {formatShare(locale, shareOf(row.started, indicators.summary.started))}
                  </Table.Td>
                  <Table.Td ta="right">
                    {row.busiestHour === null ? '—' : hourLabel(row.busiestHour)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </IndicatorSection>
  );
}
