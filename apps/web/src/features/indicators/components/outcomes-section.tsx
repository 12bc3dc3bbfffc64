import { DonutChart } from '@mantine/charts';
import { Grid, Group, Table, Text } from '@mantine/core';
import { IconChartDonut } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import { CONVERSATION_OUTCOMES, type ConversationOutcome } from '@/types/vocabulary';
import type { OutcomeCount } from '../types';
import { formatCount, formatShare, shareOf } from '../utils/format';
import { PlainDefinition } from './clock-definition';
import { IndicatorSection, NoChartData } from './indicator-section';
import classes from './indicators.module.css';

const OUTCOME_COLORS: Record<ConversationOutcome, string> = {
  resolved: 'teal.6',
  no_reply: 'gray.5',
  no_agent: 'orange.6',
  abandoned: 'red.6',
  cancelled: 'violet.5',
};

function swatch(color: string): string {
  const [name, shade] = color.split('.');
  return `var(--mantine-color-${name}-${shade})`;
}

/** How the period's conversations ended, as shares of all closed ones. */
export function OutcomesSection({ outcomes }: { outcomes: OutcomeCount[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Every outcome gets a row, zero or not, in the product's usual order.
  const rows = CONVERSATION_OUTCOMES.map((outcome) => ({
    outcome,
    count: outcomes.find((row) => row.outcome === outcome)?.count ?? 0,
  }));
  const closed = rows.reduce((sum, row) => sum + row.count, 0);
  const slices = rows
    .filter((row) => row.count > 0)
    .map((row) => ({
      name: t(`outcome.${row.outcome}`),
      value: row.count,
      color: OUTCOME_COLORS[row.outcome],
    }));

  return (
    <IndicatorSection
      title={t('indicators.outcomes.title')}
      icon={<IconChartDonut size={18} />}
      color="teal"
      aside={
        <Text fw={700} className={classes.figure}>
          {formatCount(locale, closed)}{' '}
          <Text span c="dimmed" fw={400} size="sm">
            {t('indicators.outcomes.closed')}
          </Text>
        </Text>
      }
      testId="indicators-outcomes"
    >
      <Grid gutter="lg" align="center">
        <Grid.Col span={{ base: 12, sm: 5, lg: 3 }}>
          {closed > 0 ? (
            <Group justify="center">
              <DonutChart
                data={slices}
                size={180}
                thickness={26}
                paddingAngle={2}
                chartLabel={formatCount(locale, closed)}
                tooltipDataSource="segment"
                valueFormatter={(value) =>
                  `${formatCount(locale, value)} · ${formatShare(locale, shareOf(value, closed))}`
                }
              />
            </Group>
          ) : (
            <NoChartData height={180} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7, lg: 6 }}>
          <Table verticalSpacing={6} fz="sm" data-testid="indicators-outcomes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indicators.outcomes.outcome')}</Table.Th>
                <Table.Th ta="right">{t('indicators.outcomes.count')}</Table.Th>
                <Table.Th ta="right">{t('indicators.outcomes.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody className={classes.figure}>
              {rows.map((row) => (
                <Table.Tr key={row.outcome}>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap" align="flex-start">
                      <span
                        className={classes.swatch}
                        style={{ background: swatch(OUTCOME_COLORS[row.outcome]), marginTop: 5 }}
                      />
                      <div>
                        <Text size="sm">{t(`outcome.${row.outcome}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`outcomeHelp.${row.outcome}`)}
                        </Text>
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(locale, row.count)}</Table.Td>
                  <Table.Td ta="right">{formatShare(locale, shareOf(row.count, closed))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }} style={{ alignSelf: 'stretch' }}>
          <PlainDefinition>{t('indicators.outcomes.definition')}</PlainDefinition>
        </Grid.Col>
      </Grid>
    </IndicatorSection>
  );
}
