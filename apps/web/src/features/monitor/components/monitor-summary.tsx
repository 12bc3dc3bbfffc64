import { Card, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import {
  IconClockExclamation,
  IconHeadset,
  IconHourglass,
  IconMessages,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentMonitor } from '../types';
import { Elapsed } from './elapsed';

function Stat({
  icon,
  color,
  label,
  value,
  detail,
  testId,
}: {
  icon: ReactNode;
  color: string;
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId: string;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={color} size={38} radius="md">
          {icon}
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
            {label}
          </Text>
          <Text fz={22} fw={700} lh={1.3} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {value}
          </Text>
          {detail && (
            <Text size="xs" c="dimmed">
              {detail}
            </Text>
          )}
        </div>
      </Group>
    </Card>
  );
}

function earliest(values: Array<string | null>): string | null {
  const times = values.flatMap((value) => (value ? [Date.parse(value)] : []));
  return times.length > 0 ? new Date(Math.min(...times)).toISOString() : null;
}

/** The whole floor in four numbers, above the detail. */
export function MonitorSummary({ monitor, now }: { monitor: AgentMonitor; now: number }) {
  const { t } = useTranslation();
  const online = monitor.agents.filter((agent) => agent.presence === 'online');
  const open = monitor.agents.reduce((sum, agent) => sum + agent.openCount, 0);
  const onlineCapacity = online.reduce((sum, agent) => sum + agent.capacity, 0);
  const queues = [...monitor.teams, monitor.unrouted];
  const waiting = queues.reduce((sum, queue) => sum + queue.waitingCount, 0);
  const longestWait = earliest(queues.map((queue) => queue.longestWaitSince));
  const oldestUnanswered = earliest(monitor.agents.map((agent) => agent.oldestUnansweredAt));

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <Stat
        testId="monitor-stat-online"
        icon={<IconHeadset size={20} />}
        color="teal"
        label={t('monitor.summary.online')}
        value={t('monitor.summary.ofTotal', {
          value: online.length,
          total: monitor.agents.length,
        })}
      />
      <Stat
        testId="monitor-stat-open"
        icon={<IconMessages size={20} />}
        color="indigo"
        label={t('monitor.summary.open')}
        value={open}
        detail={t('monitor.summary.onlineCapacity', { count: onlineCapacity })}
      />
      <Stat
        testId="monitor-stat-waiting"
        icon={<IconHourglass size={20} />}
        color="orange"
        label={t('monitor.summary.waiting')}
        value={waiting}
        detail={
          <Group gap={4} component="span" wrap="nowrap">
            {t('monitor.summary.longestWait')}
            <Elapsed since={longestWait} now={now} />
          </Group>
        }
      />
      <Stat
        testId="monitor-stat-unanswered"
        icon={<IconClockExclamation size={20} />}
        color="red"
        label={t('monitor.summary.oldestUnanswered')}
        value={<Elapsed since={oldestUnanswered} now={now} wait inherit />}
      />
    </SimpleGrid>
  );
}
