import { Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './indicators.module.css';

interface IndicatorSectionProps {
  title: string;
  icon: ReactNode;
  color?: string;
  /** Right side of the title row: a headline figure or a count. */
  aside?: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** One block of the dashboard: a titled card holding a chart, its figures and its definition. */
export function IndicatorSection({
  title,
  icon,
  color = 'indigo',
  aside,
  testId,
  children,
}: IndicatorSectionProps) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" data-testid={testId}>
      <Group justify="space-between" align="center" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color={color} size={32} radius="md">
            {icon}
          </ThemeIcon>
          <Title order={3} fz="lg">
            {title}
          </Title>
        </Group>
        {aside}
      </Group>
      {children}
    </Card>
  );
}

/** Stands in for a chart with nothing to draw, at the chart's height so the page does not jump. */
export function NoChartData({ height }: { height: number }) {
  const { t } = useTranslation();
  return (
    <Group h={height} justify="center" align="center" className={classes.definition}>
      <Text size="sm" c="dimmed">
        {t('indicators.noChartData')}
      </Text>
    </Group>
  );
}
