import { Badge, Group, Paper, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconDoorExit, IconHeadset, IconMoon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import type { IndicatorsSummary } from '../types';
import { formatCount, formatShare, shareOf } from '../utils/format';
import classes from './indicators.module.css';

interface StatCardProps {
  label: string;
  value: string;
  icon: ReactNode;
  color: string;
  badge?: string;
  detail: string;
  definition: string;
  testId: string;
}

function StatCard({ label, value, icon, color, badge, detail, definition, testId }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="xs" c="dimmed" fw={700} tt="uppercase">
          {label}
        </Text>
        <ThemeIcon variant="light" color={color} size={30} radius="md">
          {icon}
        </ThemeIcon>
      </Group>
      <Group gap="xs" align="baseline" mt={4}>
        <Text className={classes.statValue} data-testid={`${testId}-value`}>
          {value}
        </Text>
        {badge && (
          <Badge variant="light" color={color} size="md">
            {badge}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mt={2}>
        {detail}
      </Text>
      <Text size="xs" c="dimmed" mt="sm" style={{ lineHeight: 1.45 }}>
        {definition}
      </Text>
    </Paper>
  );
}

/** The four numbers a supervisor reads first, each with what it counts. */
export function HeadlineStats({ summary }: { summary: IndicatorsSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const count = (value: number) => formatCount(locale, value);
  const firstContactShare = shareOf(
    summary.resolvedFirstContact,
    summary.resolvedFirstContact + summary.notResolvedFirstContact,
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
      <StatCard
        testId="indicator-attended"
        label={t('indicators.headline.attended')}
        value={count(summary.attended)}
        icon={<IconHeadset size={18} />}
        color="indigo"
        detail={t('indicators.headline.attendedDetail', { started: count(summary.started) })}
        definition={t('indicators.headline.attendedDefinition')}
      />
      <StatCard
        testId="indicator-first-contact"
        label={t('indicators.headline.firstContact')}
        value={count(summary.resolvedFirstContact)}
        badge={firstContactShare === null ? undefined : formatShare(locale, firstContactShare)}
        icon={<IconCircleCheck size={18} />}
        color="teal"
        detail={t('indicators.headline.firstContactDetail', {
          count: summary.notResolvedFirstContact,
        })}
        definition={t('indicators.headline.firstContactDefinition')}
      />
      <StatCard
        testId="indicator-offline"
        label={t('indicators.headline.offline')}
        value={count(summary.offlineReceived)}
        icon={<IconMoon size={18} />}
        color="grape"
        detail={t('indicators.headline.offlineDetail', { started: count(summary.started) })}
        definition={t('indicators.headline.offlineDefinition')}
      />
      <StatCard
        testId="indicator-abandoned"
        label={t('indicators.headline.abandoned')}
        value={count(summary.abandoned.count)}
        icon={<IconDoorExit size={18} />}
        color="red"
        detail={t('indicators.headline.abandonedDetail', { count: summary.abandoned.withMessage })}
        definition={t('indicators.headline.abandonedDefinition')}
      />
    </SimpleGrid>
  );
}
