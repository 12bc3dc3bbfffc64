import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconChevronRight, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { useAgents } from '../api/agents';
import { useTeams } from '../api/teams';
import { adminPaths } from '../paths';
import type { Agent, Team } from '../types';
import classes from './admin.module.css';
import { PageHeader } from './page-header';
import { TeamEditor } from './team-editor';

const MODE_COLORS = { manual: 'gray', round_robin: 'indigo', least_busy: 'teal' } as const;

export function TeamsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const teams = useTeams();
  const agents = useAgents();
  const agentsById = new Map((agents.data ?? []).map((agent) => [agent.id, agent]));

  const newButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => void navigate(adminPaths.newTeam)}
      data-testid="team-new"
    >
      {t('admin.teams.new')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('admin.teams.title')}
        description={t('admin.teams.description')}
        action={newButton}
      />
      {teams.isError ? (
        <ErrorState onRetry={() => void teams.refetch()} />
      ) : teams.isPending ? (
        <Skeleton h={200} radius="md" />
      ) : teams.data.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyState
            icon={<IconUsersGroup size={28} />}
            title={t('admin.teams.emptyTitle')}
            description={t('admin.teams.emptyBody')}
            action={newButton}
          />
        </Card>
      ) : (
        <Card withBorder radius="md" p={0}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.teams.name')}</Table.Th>
                <Table.Th>{t('admin.teams.assignment')}</Table.Th>
                <Table.Th>{t('admin.teams.members')}</Table.Th>
                <Table.Th>{t('admin.teams.businessHours')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.data.map((team) => (
                <Table.Tr
                  key={team.id}
                  className={classes.rowLink}
                  onClick={() => void navigate(adminPaths.team(team.id))}
                  data-testid="team-row"
                  data-name={team.name}
                >
                  <Table.Td>
                    {/* A real link too, so the row is reachable with the keyboard. */}
                    <Anchor
                      component={Link}
                      to={adminPaths.team(team.id)}
                      fw={600}
                      size="sm"
                      c="var(--mantine-color-text)"
                      onClick={(event) => event.stopPropagation()}
                    >
                      {team.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Badge variant="light" color={MODE_COLORS[team.assignmentMode]}>
                        {t(`admin.assignmentMode.${team.assignmentMode}`)}
                      </Badge>
                      {team.assignmentMode === 'manual' && team.sequenceMode && (
                        <Badge variant="outline" color="gray">
                          {t('admin.teams.sequenceShort')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Members team={team} agentsById={agentsById} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {team.businessHours
                        ? team.businessHours.timeZone
                        : t('admin.teams.alwaysOpen')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <IconChevronRight size={16} color="var(--mantine-color-dimmed)" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
  );
}

function Members({ team, agentsById }: { team: Team; agentsById: Map<string, Agent> }) {
  const { t } = useTranslation();
  if (team.memberIds.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('admin.teams.noMembers')}
      </Text>
    );
  const shown = team.memberIds.slice(0, 4);
  return (
    <Group gap="xs" wrap="nowrap">
      <Tooltip.Group openDelay={200}>
        <Avatar.Group spacing="sm">
          {shown.map((id) => {
            const name = agentsById.get(id)?.name ?? '?';
            return (
              <Tooltip key={id} label={name} withArrow>
                <Avatar name={name} color="initials" size={28} radius="xl" />
              </Tooltip>
            );
          })}
          {team.memberIds.length > shown.length && (
            <Avatar size={28} radius="xl">
              +{team.memberIds.length - shown.length}
            </Avatar>
          )}
        </Avatar.Group>
      </Tooltip.Group>
      <Text size="xs" c="dimmed">
        {t('admin.teams.memberCount', { count: team.memberIds.length })}
      </Text>
    </Group>
  );
}

/** /admin/teams/new and /admin/teams/:teamId */
export function TeamEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { teamId } = useParams();
  const teams = useTeams();
  if (!teamId || teamId === 'new') return <TeamEditor key="new" team={null} />;
  if (teams.isError) return <ErrorState onRetry={() => void teams.refetch()} />;
  if (teams.isPending) return <Skeleton h={400} radius="md" />;
  const team = teams.data.find((candidate) => candidate.id === teamId);
  if (!team)
    return (
      <EmptyState
        icon={<IconUsersGroup size={28} />}
        title={t('admin.teams.notFound')}
        action={
          <Button variant="light" mt="sm" onClick={() => void navigate(adminPaths.teams)}>
            {t('admin.teams.backToList')}
          </Button>
        }
      />
    );
  // A fresh form per team: switching teams must not carry one team's edits into another.
  return <TeamEditor key={team.id} team={team} />;
}
