import { Badge, Group, Select, Switch, Text, Tooltip } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PresenceDot, useAgents, type Agent } from '@/features/presence';
import type { Supervision } from '../hooks/use-supervision';

/** The picker's value for the whole workspace (an agent id never looks like this). */
const EVERYONE = 'everyone';

interface SupervisorModeBarProps {
  supervision: Supervision;
}

/**
 * Above the tabs, for supervisors and admins: the supervisor-mode switch and, when it is on,
 * whose inbox to look at (everyone's, or one agent's own tabs). Agents never see it.
 */
export function SupervisorModeBar({ supervision }: SupervisorModeBarProps) {
  const { t } = useTranslation();
  const agents = useAgents(supervision.on);
  if (!supervision.available) return null;

  const byId = new Map((agents.data ?? []).map((agent) => [agent.id, agent]));
  const options = [
    { value: EVERYONE, label: t('supervision.everyone') },
    ...[...(agents.data ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((agent) => ({ value: agent.id, label: agent.name })),
  ];
  // A link to someone no longer listed still names whose inbox this is meant to be.
  if (supervision.agentId && !byId.has(supervision.agentId) && agents.isSuccess)
    options.push({ value: supervision.agentId, label: t('supervision.unknownAgent') });

  return (
    <Group
      gap="xs"
      px="sm"
      py={6}
      wrap="nowrap"
      justify="space-between"
      data-testid="supervisor-mode-bar"
      data-on={supervision.on}
      style={{
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: supervision.on ? 'var(--mantine-color-violet-light)' : undefined,
      }}
    >
      <Tooltip label={t('supervision.switchHint')} withArrow openDelay={400} multiline w={260}>
        <Switch
          size="sm"
          color="violet"
          checked={supervision.on}
          onChange={(event) => supervision.setOn(event.currentTarget.checked)}
          label={
            <Group gap={4} wrap="nowrap">
              <IconEye size={14} aria-hidden />
              <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {t('supervision.switch')}
              </Text>
            </Group>
          }
          data-testid="supervisor-mode-switch"
        />
      </Tooltip>
      {supervision.on && (
        <Select
          size="xs"
          radius="xl"
          searchable
          allowDeselect={false}
          aria-label={t('supervision.whose')}
          data={options}
          value={supervision.agentId ?? EVERYONE}
          onChange={(value) => supervision.setAgent(value && value !== EVERYONE ? value : null)}
          renderOption={({ option }) => (
            <AgentOption agent={byId.get(option.value)} label={option.label} />
          )}
          nothingFoundMessage={t('workflow.agentPicker.none')}
          comboboxProps={{ withinPortal: true, width: 240, position: 'bottom-end' }}
          data-testid="supervisor-agent-select"
          style={{ flex: 1, minWidth: 0, maxWidth: 200 }}
        />
      )}
    </Group>
  );
}

/** One person in the picker: presence and how many open conversations they hold of how many. */
function AgentOption({ agent, label }: { agent: Agent | undefined; label: string }) {
  const { t } = useTranslation();
  if (!agent)
    return (
      <Text size="sm" fw={500}>
        {label}
      </Text>
    );
  const full = agent.capacity > 0 && agent.openCount >= agent.capacity;
  return (
    <Group gap={8} wrap="nowrap" w="100%" data-testid="supervisor-agent-option">
      <PresenceDot presence={agent.presence} />
      <Text size="sm" style={{ flex: 1, minWidth: 0 }} truncate>
        {label}
      </Text>
      <Badge
        size="xs"
        variant="light"
        color={full ? 'red' : 'gray'}
        title={t('workflow.agentPicker.load')}
      >
        {agent.openCount}/{agent.capacity}
      </Badge>
    </Group>
  );
}
