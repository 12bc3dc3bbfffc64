import { Anchor, Avatar, Badge, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { agentInboxSearch } from '@/features/supervision';
import type { MonitorAgent, MonitorTeam } from '../types';
import { Elapsed } from './elapsed';
import { LoadMeter } from './load-meter';
import { PresenceBadge } from './presence-badge';

const PRESENCE_ORDER = { online: 0, away: 1, offline: 2 } as const;

/** Who can take work first: online people, then away, then offline, each by name. */
function byAvailability(a: MonitorAgent, b: MonitorAgent) {
  return PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] || a.name.localeCompare(b.name);
}

interface AgentTableProps {
  agents: MonitorAgent[];
  teams: MonitorTeam[];
  timeZone: string;
  now: number;
}

export function AgentTable({ agents, teams, timeZone, now }: AgentTableProps) {
  const { t } = useTranslation();
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const rows = [...agents].sort(byAvailability);

  return (
    <Card withBorder radius="md" p={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('monitor.agents.agent')}</Table.Th>
              <Table.Th>{t('monitor.agents.presence')}</Table.Th>
              <Table.Th>{t('monitor.agents.onlineFor')}</Table.Th>
              <Table.Th>{t('monitor.agents.load')}</Table.Th>
              <Table.Th>{t('monitor.agents.oldestUnanswered')}</Table.Th>
              <Table.Th ta="right">
                <Tooltip
                  label={t('monitor.agents.closedTodayHint', { timeZone })}
                  withArrow
                  multiline
                  w={240}
                >
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {t('monitor.agents.closedToday')}
                    <IconInfoCircle size={14} color="var(--mantine-color-dimmed)" />
                  </Group>
                </Tooltip>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((agent) => (
              <Table.Tr
                key={agent.id}
                data-testid="monitor-agent-row"
                data-agent-id={agent.id}
                data-name={agent.name}
                style={{ opacity: agent.presence === 'offline' ? 0.72 : undefined }}
              >
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar name={agent.name} color="initials" size={34} radius="xl" />
                    <div style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="nowrap">
                        <Anchor
                          component={Link}
                          to={`/open${agentInboxSearch(agent.id)}`}
                          size="sm"
                          fw={600}
                          truncate
                          title={t('monitor.agents.openInbox')}
                        >
                          {agent.name}
                        </Anchor>
                        {agent.role !== 'agent' && (
                          <Badge size="xs" variant="outline" color="gray" radius="sm">
                            {t(`role.${agent.role}`)}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed" truncate>
                        {agent.teamIds.length > 0
                          ? agent.teamIds.map((id) => teamNames.get(id) ?? '?').join(' · ')
                          : t('monitor.agents.noTeam')}
                      </Text>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <PresenceBadge presence={agent.presence} />
                </Table.Td>
                <Table.Td>
                  <Elapsed since={agent.onlineSince} now={now} testId="monitor-online-for" />
                </Table.Td>
                <Table.Td>
                  <LoadMeter openCount={agent.openCount} capacity={agent.capacity} />
                </Table.Td>
                <Table.Td>
                  <Elapsed
                    since={agent.oldestUnansweredAt}
                    now={now}
                    wait
                    testId="monitor-oldest-unanswered"
                  />
                </Table.Td>
                <Table.Td ta="right">
                  <Text
                    size="sm"
                    fw={600}
                    c={agent.closedToday === 0 ? 'dimmed' : undefined}
                    data-testid="monitor-closed-today"
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  >
                    {agent.closedToday}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
