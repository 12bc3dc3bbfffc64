import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconHeadset, IconHourglass } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, waitLevel } from '../utils/levels';
import type { MonitorQueue } from '../types';
import { Elapsed } from './elapsed';

interface QueueCardProps {
  title: string;
  queue: MonitorQueue;
  now: number;
  /** Active members online / in total; absent for the unrouted queue, which has no members. */
  staffing?: { online: number; total: number };
  /** Shown under the title, e.g. why unrouted conversations need a hand. */
  note?: ReactNode;
  /** The card filters the agent table by this team. */
  selected?: boolean;
  onSelect?: () => void;
  testId: string;
}

/** One queue at a glance: how many wait, for how long, and who could take them. */
export function QueueCard({
  title,
  queue,
  now,
  staffing,
  note,
  selected = false,
  onSelect,
  testId,
}: QueueCardProps) {
  const { t } = useTranslation();
  const waitMs = queue.longestWaitSince ? now - Date.parse(queue.longestWaitSince) : 0;
  const level = queue.waitingCount > 0 ? waitLevel(waitMs) : 'calm';
  const unstaffed = staffing !== undefined && staffing.online === 0 && queue.waitingCount > 0;
  const accent = unstaffed ? 'red' : level === 'calm' ? undefined : LEVEL_COLOR[level];

  const body = (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {title}
          </Text>
          {note && (
            <Text size="xs" c="dimmed" mt={2}>
              {note}
            </Text>
          )}
        </div>
        {unstaffed && (
          <Badge color="red" variant="light" radius="sm" tt="none">
            {t('monitor.teams.nobodyOnline')}
          </Badge>
        )}
      </Group>
      <Group gap={6} align="baseline">
        <Text
          fz={32}
          fw={700}
          lh={1}
          c={queue.waitingCount > 0 ? accent : 'dimmed'}
          data-testid={`${testId}-waiting`}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {queue.waitingCount}
        </Text>
        <Text size="sm" c="dimmed">
          {t('monitor.teams.waiting', { count: queue.waitingCount })}
        </Text>
      </Group>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconHourglass size={16} color="var(--mantine-color-dimmed)" />
          <Text size="sm" c="dimmed">
            {t('monitor.teams.longestWait')}
          </Text>
          <Elapsed
            since={queue.longestWaitSince}
            now={now}
            wait
            testId={`${testId}-longest-wait`}
          />
        </Group>
        {staffing && (
          <Group gap={6} wrap="nowrap" data-testid={`${testId}-staffing`}>
            <IconHeadset size={16} color="var(--mantine-color-dimmed)" />
            <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('monitor.teams.online', { online: staffing.online, total: staffing.total })}
            </Text>
          </Group>
        )}
      </Group>
    </Stack>
  );

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={testId}
      data-selected={selected || undefined}
      style={{
        borderColor: selected
          ? 'var(--mantine-primary-color-filled)'
          : accent
            ? `var(--mantine-color-${accent}-outline)`
            : undefined,
        borderLeftWidth: accent ? 4 : undefined,
        borderLeftColor: accent ? `var(--mantine-color-${accent}-filled)` : undefined,
      }}
    >
      {onSelect ? (
        <UnstyledButton
          onClick={onSelect}
          aria-pressed={selected}
          title={t('monitor.teams.filterBy', { team: title })}
          style={{ display: 'block', width: '100%' }}
        >
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Card>
  );
}
