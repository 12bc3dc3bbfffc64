import { ActionIcon, Button, ColorSwatch, Group, Select, Tooltip } from '@mantine/core';
import { IconEyeOff, IconFilterOff, IconLifebuoy, IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { tagColor, useTags } from '@/features/tags';
import type { ConversationFilters } from '../types';

function swatchColor(color: string | null): string {
  const value = tagColor({ color });
  return value.startsWith('#') ? value : `var(--mantine-color-${value}-filled)`;
}

interface ConversationFiltersBarProps {
  value: ConversationFilters;
  onChange: (filters: ConversationFilters) => void;
  /** Offer "Hidden" (my own hidden list); off while looking at another agent's inbox. */
  offerHidden?: boolean;
}

/** Under the tabs: the team's "Needs help" view, what I hid, and a tag filter. */
export function ConversationFiltersBar({
  value,
  onChange,
  offerHidden = true,
}: ConversationFiltersBarProps) {
  const { t } = useTranslation();
  const tags = useTags();
  const needsHelp = value.view === 'needs_help';
  const hidden = value.view === 'hidden';
  const colors = new Map((tags.data ?? []).map((tag) => [tag.id, tag.color]));

  return (
    <Group
      gap="xs"
      px="sm"
      py={6}
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Tooltip label={t('workflow.list.needsHelpHint')} withArrow openDelay={400}>
        <Button
          size="compact-xs"
          radius="xl"
          variant={needsHelp ? 'filled' : 'default'}
          color={needsHelp ? 'red' : undefined}
          leftSection={<IconLifebuoy size={14} />}
          aria-pressed={needsHelp}
          onClick={() => onChange({ ...value, view: needsHelp ? undefined : 'needs_help' })}
          data-testid="view-needs-help"
          style={{ flexShrink: 0 }}
        >
          {t('workflow.list.needsHelp')}
        </Button>
      </Tooltip>
      {offerHidden && (
        <Tooltip label={t('workflow.list.hiddenHint')} withArrow openDelay={400}>
          <Button
            size="compact-xs"
            radius="xl"
            variant={hidden ? 'filled' : 'default'}
            color={hidden ? 'gray' : undefined}
            leftSection={<IconEyeOff size={14} />}
            aria-pressed={hidden}
            onClick={() => onChange({ ...value, view: hidden ? undefined : 'hidden' })}
            data-testid="view-hidden"
            style={{ flexShrink: 0 }}
          >
            {t('workflow.list.hidden')}
          </Button>
        </Tooltip>
      )}
      <Select
        size="xs"
        radius="xl"
        clearable
        searchable
        placeholder={t('workflow.tags.all')}
        aria-label={t('workflow.tags.filter')}
        leftSection={
          value.tagId ? (
            <ColorSwatch color={swatchColor(colors.get(value.tagId) ?? null)} size={10} />
          ) : (
            <IconTag size={14} />
          )
        }
        data={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
        value={value.tagId ?? null}
        onChange={(tagId) => onChange({ ...value, tagId: tagId ?? undefined })}
        renderOption={({ option }) => (
          <Group gap={8} wrap="nowrap">
            <ColorSwatch color={swatchColor(colors.get(option.value) ?? null)} size={10} />
            <span>{option.label}</span>
          </Group>
        )}
        nothingFoundMessage={t('workflow.agentPicker.none')}
        comboboxProps={{ withinPortal: true, width: 220, position: 'bottom-end' }}
        data-testid="tag-filter"
        style={{ flex: 1, minWidth: 0 }}
      />
      {(value.teamId || value.inboxId) && (
        <Tooltip label={t('workflow.list.clearFilter')} withArrow>
          <ActionIcon
            variant="light"
            radius="xl"
            aria-label={t('workflow.list.clearFilter')}
            onClick={() => onChange({ view: value.view, tagId: value.tagId })}
            data-testid="clear-filters"
          >
            <IconFilterOff size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
