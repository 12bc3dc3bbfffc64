import {
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconUsersGroup, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ui/error-state';
import { useAgentMonitor } from '../api/get-agent-monitor';
import { useServerClock } from '../hooks/use-server-clock';
import type { AgentMonitor } from '../types';
import { AgentTable } from './agent-table';
import { MonitorSummary } from './monitor-summary';
import { QueueCard } from './queue-card';

/** /supervisor/monitor: every agent and every queue, live. */
export function MonitorPage() {
  const monitor = useAgentMonitor();
  const now = useServerClock(monitor.data?.generatedAt, monitor.dataUpdatedAt);

  // A failed refresh keeps the last answer on screen; hints or the next refresh bring it back.
  if (monitor.data) return <MonitorBoard monitor={monitor.data} now={now} />;
  if (monitor.isError) return <ErrorState onRetry={() => void monitor.refetch()} />;
  return <MonitorSkeleton />;
}

function MonitorBoard({ monitor, now }: { monitor: AgentMonitor; now: number }) {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState<string | null>(null);
  // A team deleted while it was the filter must not leave an empty table behind.
  const team = monitor.teams.find((candidate) => candidate.id === teamId) ?? null;
  const agents = team
    ? monitor.agents.filter((agent) => agent.teamIds.includes(team.id))
    : monitor.agents;
  const toggleTeam = (id: string) => setTeamId((current) => (current === id ? null : id));

  return (
    <Stack gap="xl" data-testid="monitor-page">
      <MonitorSummary monitor={monitor} now={now} />

      <section aria-labelledby="monitor-queues-title">
        <SectionTitle id="monitor-queues-title" title={t('monitor.teams.title')} />
        {monitor.teams.length === 0 && monitor.unrouted.waitingCount === 0 ? (
          <Card withBorder radius="md">
            <Group gap="sm" c="dimmed">
              <IconUsersGroup size={18} />
              <Text size="sm">{t('monitor.teams.empty')}</Text>
            </Group>
          </Card>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {monitor.unrouted.waitingCount > 0 && (
              <QueueCard
                title={t('monitor.unrouted.title')}
                note={t('monitor.unrouted.note')}
                queue={monitor.unrouted}
                now={now}
                testId="monitor-unrouted"
              />
            )}
            {monitor.teams.map((candidate) => (
              <QueueCard
                key={candidate.id}
                title={candidate.name}
                queue={candidate}
                now={now}
                staffing={{ online: candidate.agentsOnline, total: candidate.agentsTotal }}
                selected={candidate.id === team?.id}
                onSelect={() => toggleTeam(candidate.id)}
                testId={`monitor-team-${candidate.id}`}
              />
            ))}
          </SimpleGrid>
        )}
      </section>

      <section aria-labelledby="monitor-agents-title">
        <SectionTitle
          id="monitor-agents-title"
          title={t('monitor.agents.title')}
          aside={
            <Group gap="xs" wrap="nowrap">
              {team && (
                <Button
                  variant="subtle"
                  size="xs"
                  color="gray"
                  leftSection={<IconX size={14} />}
                  onClick={() => setTeamId(null)}
                >
                  {t('monitor.agents.showEveryone')}
                </Button>
              )}
              <Select
                size="xs"
                w={200}
                aria-label={t('monitor.agents.teamFilter')}
                placeholder={t('monitor.agents.allTeams')}
                data={monitor.teams.map((candidate) => ({
                  value: candidate.id,
                  label: candidate.name,
                }))}
                value={team?.id ?? null}
                onChange={setTeamId}
                clearable
                searchable
                nothingFoundMessage={t('admin.common.nothingFound')}
                data-testid="monitor-team-filter"
              />
            </Group>
          }
        />
        {agents.length === 0 ? (
          <Card withBorder radius="md">
            <Text size="sm" c="dimmed">
              {t('monitor.agents.emptyTeam')}
            </Text>
          </Card>
        ) : (
          <AgentTable agents={agents} teams={monitor.teams} timeZone={monitor.timeZone} now={now} />
        )}
      </section>
    </Stack>
  );
}

function SectionTitle({ id, title, aside }: { id: string; title: string; aside?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="sm" gap="sm">
      <Title order={3} fz="md" id={id}>
        {title}
      </Title>
      {aside}
    </Group>
  );
}

function MonitorSkeleton() {
  return (
    <Stack gap="xl" aria-busy>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        {[0, 1, 2, 3].map((key) => (
          <Skeleton key={key} h={86} radius="md" />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {[0, 1, 2].map((key) => (
          <Skeleton key={key} h={140} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={320} radius="md" />
    </Stack>
  );
}
