import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconArrowsShuffle,
  IconDeviceFloppy,
  IconHandClick,
  IconScale,
  IconTrash,
} from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAgents } from '../api/agents';
import { useDeleteTeam, useSaveTeam } from '../api/teams';
import { adminPaths } from '../paths';
import { ASSIGNMENT_MODES, type Agent, type AssignmentMode, type Team } from '../types';
import { AutoReplyEditor } from './auto-reply-editor';
import { BusinessHoursEditor } from './business-hours-editor';
import { ConfirmDelete } from './confirm-delete';
import { FormError } from './form-error';
import { PageHeader } from './page-header';
import { SectionCard } from './section-card';
import {
  formToTeam,
  hasErrors,
  teamToForm,
  validateTeam,
  type TeamFormErrors,
  type TeamFormState,
} from './team-form-state';

const MODE_ICONS: Record<AssignmentMode, typeof IconHandClick> = {
  manual: IconHandClick,
  round_robin: IconArrowsShuffle,
  least_busy: IconScale,
};

interface TeamEditorProps {
  /** None: a new team. */
  team: Team | null;
}

export function TeamEditor({ team }: TeamEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const agents = useAgents();
  const save = useSaveTeam();
  const remove = useDeleteTeam();
  const [form, setForm] = useState<TeamFormState>(() => teamToForm(team));
  const [errors, setErrors] = useState<TeamFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const change = (patch: Partial<TeamFormState>) => {
    const next = { ...form, ...patch };
    setForm(next);
    // Once the admin has tried to save, errors follow the fixes live.
    if (submitted) setErrors(validateTeam(next));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validateTeam(form);
    setErrors(found);
    if (hasErrors(found)) {
      // Take the admin to the first thing to fix; it may be far down the page.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const membersChanged =
      !team ||
      team.memberIds.length !== form.memberIds.length ||
      team.memberIds.some((id) => !form.memberIds.includes(id));
    save.mutate(
      {
        id: team?.id,
        team: formToTeam(form),
        memberIds:
          membersChanged && (team || form.memberIds.length > 0) ? form.memberIds : undefined,
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t(team ? 'admin.teams.saved' : 'admin.teams.created', { name: saved.name }),
          });
          if (!team) void navigate(adminPaths.team(saved.id), { replace: true });
        },
      },
    );
  };

  const confirmDelete = () => {
    if (!team) return;
    remove.mutate(team.id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('admin.teams.deleted', { name: team.name }),
        });
        void navigate(adminPaths.teams);
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="team-form">
      <Anchor
        component={Link}
        to={adminPaths.teams}
        size="sm"
        c="dimmed"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {t('admin.teams.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={team ? team.name : t('admin.teams.new')}
        description={team ? undefined : t('admin.teams.newHelp')}
        action={
          <Group gap="xs" wrap="nowrap">
            {team && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => {
                  remove.reset();
                  setConfirmOpen(true);
                }}
                data-testid="team-delete"
              >
                {t('admin.common.delete')}
              </Button>
            )}
            <Button
              type="submit"
              loading={save.isPending}
              leftSection={<IconDeviceFloppy size={16} />}
              data-testid="team-save"
            >
              {team ? t('admin.common.save') : t('admin.teams.create')}
            </Button>
          </Group>
        }
      />
      <fieldset disabled={save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="lg">
          <FormError error={save.error} />
          <SectionCard title={t('admin.teams.general')}>
            <TextInput
              label={t('admin.teams.name')}
              placeholder={t('admin.teams.namePlaceholder')}
              required
              maxLength={80}
              value={form.name}
              onChange={(event) => change({ name: event.currentTarget.value })}
              error={errors.name && t(`admin.validation.${errors.name}`)}
              maw={420}
              data-testid="team-name"
            />
          </SectionCard>

          <SectionCard
            title={t('admin.teams.assignment')}
            description={t('admin.teams.assignmentHelp')}
          >
            <Radio.Group
              value={form.assignmentMode}
              onChange={(value) => change({ assignmentMode: value as AssignmentMode })}
              aria-label={t('admin.teams.assignment')}
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                {ASSIGNMENT_MODES.map((mode) => {
                  const Icon = MODE_ICONS[mode];
                  return (
                    <Radio.Card
                      key={mode}
                      value={mode}
                      radius="md"
                      p="md"
                      style={{ display: 'flex', alignItems: 'flex-start' }}
                      data-testid={`team-mode-${mode}`}
                    >
                      <Group gap="sm" wrap="nowrap" align="flex-start">
                        <Radio.Indicator mt={2} />
                        <div>
                          <Group gap={6} wrap="nowrap">
                            <Icon size={16} />
                            <Text fw={600} size="sm">
                              {t(`admin.assignmentMode.${mode}`)}
                            </Text>
                          </Group>
                          <Text size="xs" c="dimmed" mt={4}>
                            {t(`admin.assignmentModeHelp.${mode}`)}
                          </Text>
                        </div>
                      </Group>
                    </Radio.Card>
                  );
                })}
              </SimpleGrid>
            </Radio.Group>
            {form.assignmentMode === 'manual' && (
              <Switch
                label={t('admin.teams.sequenceMode')}
                description={t('admin.teams.sequenceModeHelp')}
                checked={form.sequenceMode}
                onChange={(event) => change({ sequenceMode: event.currentTarget.checked })}
                data-testid="team-sequence-mode"
              />
            )}
          </SectionCard>

          <SectionCard title={t('admin.teams.members')} description={t('admin.teams.membersHelp')}>
            <MemberPicker
              agents={agents.data ?? []}
              loading={agents.isPending}
              value={form.memberIds}
              onChange={(memberIds) => change({ memberIds })}
            />
          </SectionCard>

          <SectionCard
            title={t('admin.teams.businessHours')}
            description={t('admin.teams.businessHoursHelp')}
            aside={
              <Switch
                checked={form.hoursEnabled}
                onChange={(event) => change({ hoursEnabled: event.currentTarget.checked })}
                label={form.hoursEnabled ? t('admin.teams.hoursOn') : t('admin.teams.alwaysOpen')}
                labelPosition="left"
                data-testid="team-hours-enabled"
              />
            }
          >
            {form.hoursEnabled ? (
              <BusinessHoursEditor
                timeZone={form.timeZone}
                days={form.days}
                errors={errors}
                onTimeZoneChange={(timeZone) => change({ timeZone })}
                onDaysChange={(days) => change({ days })}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.teams.alwaysOpenHelp')}
              </Text>
            )}
          </SectionCard>

          <SectionCard
            title={t('admin.teams.autoReplies')}
            description={t('admin.teams.autoRepliesHelp')}
          >
            <AutoReplyEditor form={form} errors={errors} onChange={change} />
          </SectionCard>

          <SectionCard
            title={t('admin.teams.autoClose')}
            description={t('admin.teams.autoCloseHelp')}
          >
            <NumberInput
              label={t('admin.teams.idleCloseHours')}
              placeholder={t('admin.teams.never')}
              min={1}
              max={8760}
              allowDecimal={false}
              allowNegative={false}
              value={form.idleCloseHours}
              onChange={(value) =>
                change({ idleCloseHours: typeof value === 'number' ? value : '' })
              }
              error={errors.idleCloseHours && t('admin.validation.positive')}
              rightSection={
                <Text size="xs" c="dimmed" pr="xs">
                  {t('admin.teams.hoursUnit')}
                </Text>
              }
              rightSectionWidth={64}
              maw={260}
              data-testid="team-idle-close"
            />
          </SectionCard>

          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              leftSection={<IconDeviceFloppy size={16} />}
            >
              {team ? t('admin.common.save') : t('admin.teams.create')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
      {team && (
        <ConfirmDelete
          opened={confirmOpen}
          title={t('admin.teams.deleteTitle', { name: team.name })}
          message={t('admin.teams.deleteBody')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={confirmDelete}
          onClose={() => setConfirmOpen(false)}
        />
      )}
    </form>
  );
}

interface MemberPickerProps {
  agents: Agent[];
  loading: boolean;
  value: string[];
  onChange: (value: string[]) => void;
}

function MemberPicker({ agents, loading, value, onChange }: MemberPickerProps) {
  const { t } = useTranslation();
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  return (
    <MultiSelect
      label={t('admin.teams.membersLabel')}
      placeholder={value.length ? undefined : t('admin.teams.membersPlaceholder')}
      data={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions={false}
      nothingFoundMessage={loading ? t('admin.common.loading') : t('admin.common.nothingFound')}
      maxDropdownHeight={300}
      renderOption={({ option, checked }) => {
        const agent = byId.get(option.value);
        if (!agent) return option.label;
        return (
          <Group gap="sm" wrap="nowrap" w="100%" data-checked={checked || undefined}>
            <Avatar name={agent.name} color="initials" size={28} radius="xl" />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={500} truncate>
                {agent.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {agent.email}
              </Text>
            </div>
            <Badge size="xs" variant="light" color={agent.role === 'agent' ? 'gray' : 'indigo'}>
              {t(`role.${agent.role}`)}
            </Badge>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('admin.teams.capacity', { count: agent.capacity })}
            </Text>
          </Group>
        );
      }}
      data-testid="team-members"
    />
  );
}
