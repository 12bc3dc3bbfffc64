import type { TFunction } from 'i18next';
import {
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowRight, IconFilter } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '@/features/inboxes';
import { currentLocale } from '@/lib/i18n';
import { INBOX_KINDS, isInboxKind } from '@/types/vocabulary';
import { useSaveRoutingRule } from '../api/routing-rules';
import type { BusinessHoursCondition, RoutingRule, RoutingRuleInput, Tag, Team } from '../types';
import { FormError } from './form-error';
import { PRIORITIES, priorityName, summarizeRule, type PriorityName } from './rule-summary';
import { TagBadge } from './tag-badge';

const COMMON_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it'];
const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

interface RuleForm {
  name: string;
  enabled: boolean;
  keywords: string[];
  channels: string[];
  countries: string[];
  languages: string[];
  businessHours: 'any' | BusinessHoursCondition;
  teamId: string | null;
  tagIds: string[];
  priority: PriorityName;
}

function toForm(rule: RoutingRule | null): RuleForm {
  const c = rule?.conditions ?? {};
  const a = rule?.actions ?? {};
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    keywords: c.keywords ?? [],
    channels: c.channels ?? [],
    countries: c.contactCountries ?? [],
    languages: c.contactLanguages ?? [],
    businessHours: c.businessHours ?? 'any',
    teamId: a.teamId ?? null,
    tagIds: a.tagIds ?? [],
    priority: priorityName(a.priority),
  };
}

function toInput(form: RuleForm): RoutingRuleInput {
  const conditions: RoutingRuleInput['conditions'] = {};
  if (form.keywords.length) conditions.keywords = form.keywords;
  const channels = form.channels.filter(isInboxKind);
  if (channels.length) conditions.channels = channels;
  if (form.countries.length) conditions.contactCountries = form.countries;
  if (form.languages.length) conditions.contactLanguages = form.languages;
  if (form.businessHours !== 'any') conditions.businessHours = form.businessHours;
  const actions: RoutingRuleInput['actions'] = {};
  if (form.teamId) actions.teamId = form.teamId;
  if (form.tagIds.length) actions.tagIds = form.tagIds;
  actions.priority = PRIORITIES.indexOf(form.priority);
  return { name: form.name.trim(), enabled: form.enabled, conditions, actions };
}

interface RuleErrors {
  name?: string;
  countries?: string;
  languages?: string;
  actions?: string;
}

function validate(form: RuleForm, t: TFunction): RuleErrors {
  const errors: RuleErrors = {};
  if (!form.name.trim()) errors.name = t('admin.validation.required');
  else if (form.name.trim().length > 80) errors.name = t('admin.validation.tooLong');
  if (form.countries.some((code) => !COUNTRY.test(code)))
    errors.countries = t('admin.rules.countriesInvalid');
  if (form.languages.some((code) => !LANGUAGE.test(code)))
    errors.languages = t('admin.rules.languagesInvalid');
  if (!form.teamId && form.tagIds.length === 0 && form.priority === 'normal')
    errors.actions = t('admin.rules.actionRequired');
  return errors;
}

interface RuleFormModalProps {
  opened: boolean;
  /** None: a new rule. */
  rule: RoutingRule | null;
  teams: Team[];
  tags: Tag[];
  onClose: () => void;
}

export function RuleFormModal({ opened, rule, teams, tags, onClose }: RuleFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={rule ? t('admin.rules.edit') : t('admin.rules.new')}
      size="lg"
      centered
    >
      {/* Mounted per opening, so the form starts from the rule every time. */}
      {opened && <RuleFormBody rule={rule} teams={teams} tags={tags} onDone={onClose} />}
    </Modal>
  );
}

function RuleFormBody({
  rule,
  teams,
  tags,
  onDone,
}: {
  rule: RoutingRule | null;
  teams: Team[];
  tags: Tag[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveRoutingRule();
  const [form, setForm] = useState<RuleForm>(() => toForm(rule));
  const [errors, setErrors] = useState<RuleErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const locale = currentLocale();

  const change = (patch: Partial<RuleForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (submitted) setErrors(validate(next, t));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(form, t);
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate({ id: rule?.id, rule: toInput(form) }, { onSuccess: onDone });
  };

  const summary = summarizeRule(toInput(form), { t, locale, teams, tags });
  const tagsById = new Map(tags.map((tag) => [tag.id, tag]));

  return (
    <form onSubmit={submit} noValidate data-testid="rule-form">
      <fieldset disabled={save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="md">
          <FormError error={save.error} />
          <TextInput
            label={t('admin.rules.name')}
            placeholder={t('admin.rules.namePlaceholder')}
            required
            data-autofocus
            maxLength={80}
            value={form.name}
            onChange={(event) => change({ name: event.currentTarget.value })}
            error={errors.name}
            data-testid="rule-name"
          />

          <Divider
            label={
              <Group gap={6}>
                <IconFilter size={14} />
                {t('admin.rules.when')}
              </Group>
            }
            labelPosition="left"
          />
          <Text size="xs" c="dimmed" mt={-8}>
            {t('admin.rules.whenHelp')}
          </Text>
          <TagsInput
            label={t('admin.rules.keywords')}
            description={t('admin.rules.keywordsHelp')}
            placeholder={t('admin.rules.keywordsPlaceholder')}
            value={form.keywords}
            onChange={(keywords) =>
              change({ keywords: keywords.map((word) => word.trim()).filter(Boolean) })
            }
            splitChars={[',']}
            clearable
            data-testid="rule-keywords"
          />
          <MultiSelect
            label={t('admin.rules.channels')}
            placeholder={form.channels.length ? undefined : t('admin.rules.anyChannel')}
            data={INBOX_KINDS.map((kind) => ({ value: kind, label: t(`channel.${kind}`) }))}
            value={form.channels}
            onChange={(channels) => change({ channels })}
            clearable
            renderOption={({ option }) => (
              <Group gap="xs" wrap="nowrap">
                {isInboxKind(option.value) && (
                  <ChannelIcon kind={option.value} withTooltip={false} />
                )}
                <Text size="sm">{option.label}</Text>
              </Group>
            )}
            data-testid="rule-channels"
          />
          <Group grow align="flex-start">
            <TagsInput
              label={t('admin.rules.countries')}
              description={t('admin.rules.countriesHelp')}
              placeholder={form.countries.length ? undefined : t('admin.rules.anyCountry')}
              value={form.countries}
              onChange={(countries) =>
                change({ countries: countries.map((code) => code.trim().toUpperCase()) })
              }
              splitChars={[',', ' ']}
              error={errors.countries}
              clearable
              data-testid="rule-countries"
            />
            <TagsInput
              label={t('admin.rules.languages')}
              description={t('admin.rules.languagesHelp')}
              placeholder={form.languages.length ? undefined : t('admin.rules.anyLanguage')}
              data={COMMON_LANGUAGES}
              value={form.languages}
              onChange={(languages) =>
                change({ languages: languages.map((code) => code.trim().toLowerCase()) })
              }
              splitChars={[',', ' ']}
              error={errors.languages}
              clearable
              data-testid="rule-languages"
            />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('admin.rules.businessHours')}
            </Text>
            <SegmentedControl
              value={form.businessHours}
              onChange={(value) => change({ businessHours: value as RuleForm['businessHours'] })}
              data={(['any', 'inside', 'outside'] as const).map((value) => ({
                value,
                label: t(`admin.rules.hours.${value}`),
              }))}
              data-testid="rule-hours"
            />
          </div>

          <Divider
            label={
              <Group gap={6}>
                <IconArrowRight size={14} />
                {t('admin.rules.then')}
              </Group>
            }
            labelPosition="left"
          />
          <Select
            label={t('admin.rules.team')}
            placeholder={t('admin.rules.keepTeam')}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={form.teamId}
            onChange={(teamId) => change({ teamId })}
            clearable
            searchable
            nothingFoundMessage={t('admin.common.nothingFound')}
            data-testid="rule-team"
          />
          <MultiSelect
            label={t('admin.rules.tags')}
            placeholder={form.tagIds.length ? undefined : t('admin.rules.noTags')}
            data={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
            value={form.tagIds}
            onChange={(tagIds) => change({ tagIds })}
            searchable
            clearable
            nothingFoundMessage={
              tags.length ? t('admin.common.nothingFound') : t('admin.rules.noTagsYet')
            }
            renderOption={({ option }) => {
              const tag = tagsById.get(option.value);
              return tag ? <TagBadge tag={tag} /> : option.label;
            }}
            data-testid="rule-tags"
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('admin.rules.priority')}
            </Text>
            <SegmentedControl
              value={form.priority}
              onChange={(value) => change({ priority: value as PriorityName })}
              data={PRIORITIES.map((value) => ({ value, label: t(`admin.priority.${value}`) }))}
              data-testid="rule-priority"
            />
          </div>
          {errors.actions && (
            <Text size="sm" c="red" role="alert">
              {errors.actions}
            </Text>
          )}

          <Switch
            label={t('admin.rules.enabled')}
            checked={form.enabled}
            onChange={(event) => change({ enabled: event.currentTarget.checked })}
          />
          <Text
            size="sm"
            p="sm"
            bg="var(--mantine-color-default-hover)"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
            data-testid="rule-summary-preview"
          >
            {summary}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="rule-save">
              {rule ? t('admin.common.save') : t('admin.rules.create')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
