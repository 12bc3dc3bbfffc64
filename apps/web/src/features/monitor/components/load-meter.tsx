import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, loadLevel, loadPercent } from '../utils/levels';

/** "3 / 5" open conversations against capacity, with a bar that warms up as it fills. */
export function LoadMeter({ openCount, capacity }: { openCount: number; capacity: number }) {
  const { t } = useTranslation();
  const level = loadLevel(openCount, capacity);
  return (
    <Stack gap={4} miw={120} maw={180}>
      <Group gap={4} justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
          <span data-testid="monitor-open">{openCount}</span>
          <Text span c="dimmed" fw={400}>
            {' / '}
            <span data-testid="monitor-capacity">{capacity}</span>
          </Text>
        </Text>
        {level === 'alert' && (
          <Text size="xs" c="red" fw={600}>
            {t('monitor.agents.full')}
          </Text>
        )}
      </Group>
      <Progress
        value={loadPercent(openCount, capacity)}
        color={LEVEL_COLOR[level]}
        size="sm"
        radius="xl"
        aria-label={t('monitor.agents.loadLabel', { open: openCount, capacity })}
        data-level={level}
      />
    </Stack>
  );
}
