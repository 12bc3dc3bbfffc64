import { Button, Group, Paper, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconInbox, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon, useInboxes } from '@/features/inboxes';
import { useAgents, useTeams } from '@/features/presence';
import { INBOX_KINDS, isInboxKind } from '@/types/vocabulary';
import type { IndicatorFilters, Period } from '../types';
import { MAX_PERIOD_DAYS, presetRange, type RangeProblem } from '../utils/period';

const PERIOD_LABELS = {
  today: 'indicators.period.today',
  '7d': 'indicators.period.last7Days',
  month: 'indicators.period.thisMonth',
  custom: 'indicators.period.custom',
} as const satisfies Record<Period, string>;

interface FilterBarProps {
  value: IndicatorFilters;
  onChange: (next: IndicatorFilters) => void;
  timeZone: string;
  /** Today in the workspace's zone: the last day a custom period may end on. */
  today: string;
  rangeProblem: RangeProblem | null;
}

/** Period, agent, team, channel and inbox: everything the dashboard is filtered by. */
export function FilterBar({ value, onChange, timeZone, today, rangeProblem }: FilterBarProps) {
  const { t } = useTranslation();
  const agents = useAgents();
  const teams = useTeams();
  const inboxes = useInboxes();

  const changePeriod = (period: Period) => {
    if (period !== 'custom') {
      onChange({ ...value, period, from: undefined, to: undefined });
      return;
    }
    // Custom starts from what was on screen, so the supervisor only adjusts a date or two.
    const current = value.period === 'custom' ? value : presetRange(value.period, timeZone);
    onChange({ ...value, period, from: current.from, to: current.to });
  };

  const agentOptions = [...(agents.data ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((agent) => ({ value: agent.id, label: agent.name }));
  const teamOptions = [...(teams.data ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((team) => ({ value: team.id, label: team.name }));
  const kinds = new Set((inboxes.data ?? []).map((inbox) => inbox.kind));
  if (value.channel) kinds.add(value.channel);
  const channelOptions = INBOX_KINDS.filter((kind) => kinds.has(kind)).map((kind) => ({
    value: kind,
    label: t(`indicators.channel.${kind}`),
  }));
  const inboxOptions = (inboxes.data ?? [])
    .filter((inbox) => !value.channel || inbox.kind === value.channel)
    .map((inbox) => ({ value: inbox.id, label: inbox.name }));
  const kindOfInbox = (id: string | undefined) =>
    inboxes.data?.find((inbox) => inbox.id === id)?.kind;

  const hasFilters = Boolean(value.agentId || value.teamId || value.channel || value.inboxId);
  const listPlaceholder = (query: { isError: boolean }, all: string) =>
    query.isError ? t('indicators.filters.listFailed') : all;

  return (
    <Paper withBorder radius="md" p="sm" data-testid="indicators-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('indicators.period.label')}
          value={value.period}
          onChange={(next) => changePeriod(next as Period)}
          data={(Object.keys(PERIOD_LABELS) as Period[]).map((period) => ({
            value: period,
            label: t(PERIOD_LABELS[period]),
          }))}
          data-testid="indicators-period"
        />
        {value.period === 'custom' && (
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              type="date"
              size="sm"
              w={200}
              aria-label={t('indicators.period.from')}
              leftSection={
                <Text size="xs" c="dimmed">
                  {t('indicators.period.from')}
                </Text>
              }
              leftSectionWidth={52}
              value={value.from ?? ''}
              max={value.to ?? today}
              onChange={(event) =>
                onChange({ ...value, from: event.currentTarget.value || undefined })
              }
              error={rangeProblem !== null}
              data-testid="indicators-from"
            />
            <TextInput
              type="date"
              size="sm"
              w={200}
              aria-label={t('indicators.period.to')}
              leftSection={
                <Text size="xs" c="dimmed">
                  {t('indicators.period.to')}
                </Text>
              }
              leftSectionWidth={52}
              value={value.to ?? ''}
              min={value.from}
              max={today}
              onChange={(event) =>
                onChange({ ...value, to: event.currentTarget.value || undefined })
              }
              error={rangeProblem !== null}
              data-testid="indicators-to"
            />
          </Group>
        )}
        <Select
          aria-label={t('indicators.filters.agent')}
          placeholder={listPlaceholder(agents, t('indicators.filters.allAgents'))}
          leftSection={<IconUser size={16} />}
          data={agentOptions}
          value={value.agentId ?? null}
          onChange={(agentId) => onChange({ ...value, agentId: agentId ?? undefined })}
          searchable
          clearable
          w={210}
          data-testid="indicators-agent"
        />
        <Select
          aria-label={t('indicators.filters.team')}
          placeholder={listPlaceholder(teams, t('indicators.filters.allTeams'))}
          leftSection={<IconUsersGroup size={16} />}
          data={teamOptions}
          value={value.teamId ?? null}
          onChange={(teamId) => onChange({ ...value, teamId: teamId ?? undefined })}
          searchable
          clearable
          w={200}
          data-testid="indicators-team"
        />
        <Select
          aria-label={t('indicators.filters.channel')}
          placeholder={listPlaceholder(inboxes, t('indicators.filters.allChannels'))}
          leftSection={
            value.channel ? <ChannelIcon kind={value.channel} withTooltip={false} /> : undefined
          }
          data={channelOptions}
          renderOption={({ option }) => (
            <Group gap={8} wrap="nowrap">
              {isInboxKind(option.value) && <ChannelIcon kind={option.value} withTooltip={false} />}
              {option.label}
            </Group>
          )}
          value={value.channel ?? null}
          onChange={(channel) => {
            const next = isInboxKind(channel) ? channel : undefined;
            // An inbox of another channel would filter everything away; drop it.
            const keepInbox = !next || kindOfInbox(value.inboxId) === next;
            onChange({
              ...value,
              channel: next,
              inboxId: keepInbox ? value.inboxId : undefined,
            });
          }}
          clearable
          w={210}
          data-testid="indicators-channel"
        />
        <Select
          aria-label={t('indicators.filters.inbox')}
          placeholder={listPlaceholder(inboxes, t('indicators.filters.allInboxes'))}
          leftSection={<IconInbox size={16} />}
          data={inboxOptions}
          value={value.inboxId ?? null}
          onChange={(inboxId) => onChange({ ...value, inboxId: inboxId ?? undefined })}
          searchable
          clearable
          w={210}
          data-testid="indicators-inbox"
        />
        {hasFilters && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={16} />}
            onClick={() =>
              onChange({
                ...value,
                agentId: undefined,
                teamId: undefined,
                channel: undefined,
                inboxId: undefined,
              })
            }
          >
            {t('indicators.filters.clear')}
          </Button>
        )}
      </Group>
      {rangeProblem && (
        <Text size="sm" c="red" mt="xs" role="alert" data-testid="indicators-range-problem">
          {t(`indicators.rangeProblem.${rangeProblem}`, { days: MAX_PERIOD_DAYS })}
        </Text>
      )}
    </Paper>
  );
}
