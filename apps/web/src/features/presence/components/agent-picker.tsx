import { Badge, Group, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../types';
import { PresenceDot } from './presence-dot';

const PRESENCE_ORDER = { online: 0, away: 1, offline: 2 } as const;

interface AgentPickerProps {
  agents: Agent[];
  value: string | null;
  onChange: (agentId: string) => void;
  /** People who cannot be picked here (me, the current assignee). */
  excludeIds?: string[];
  testId?: string;
}

/** Colleagues with their presence and load ("3/5"), online first; type to filter. */
export function AgentPicker({
  agents,
  value,
  onChange,
  excludeIds = [],
  testId,
}: AgentPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return agents
      .filter((agent) => !excludeIds.includes(agent.id))
      .filter(
        (agent) =>
          !needle ||
          agent.name.toLowerCase().includes(needle) ||
          agent.email.toLowerCase().includes(needle),
      )
      .sort(
        (a, b) =>
          PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] || a.name.localeCompare(b.name),
      );
  }, [agents, excludeIds, search]);

  return (
    <Stack gap="xs">
      <TextInput
        size="sm"
        leftSection={<IconSearch size={14} />}
        placeholder={t('workflow.agentPicker.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        aria-label={t('workflow.agentPicker.search')}
        data-autofocus
      />
      <ScrollArea.Autosize mah={260} type="auto" offsetScrollbars>
        <Radio.Group value={value} onChange={onChange} data-testid={testId}>
          <Stack gap={6}>
            {visible.length === 0 && (
              <Text size="sm" c="dimmed" ta="center" py="md">
                {t('workflow.agentPicker.none')}
              </Text>
            )}
            {visible.map((agent) => {
              const full = agent.capacity > 0 && agent.openCount >= agent.capacity;
              return (
                <Radio.Card
                  key={agent.id}
                  value={agent.id}
                  radius="md"
                  px="sm"
                  py={8}
                  data-testid="agent-option"
                  data-agent-email={agent.email}
                >
                  <Group wrap="nowrap" gap="sm">
                    <Radio.Indicator size="xs" />
                    <PresenceDot presence={agent.presence} />
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>
                        {agent.name}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {t(`presence.${agent.presence}`)}
                        {agent.role !== 'agent' ? ` · ${t(`role.${agent.role}`)}` : ''}
                      </Text>
                    </div>
                    <Badge
                      variant="light"
                      color={full ? 'red' : 'gray'}
                      size="sm"
                      title={t('workflow.agentPicker.load')}
                    >
                      {agent.openCount}/{agent.capacity}
                    </Badge>
                  </Group>
                </Radio.Card>
              );
            })}
          </Stack>
        </Radio.Group>
      </ScrollArea.Autosize>
    </Stack>
  );
}
