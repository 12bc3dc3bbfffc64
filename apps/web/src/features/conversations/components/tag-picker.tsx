import {
  ActionIcon,
  Button,
  Checkbox,
  ColorSwatch,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTag } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_PALETTE, tagColor, useCreateTag, useTags, type Tag } from '@/features/tags';
import { isApiError } from '@/lib/api-client';
import { knownApiErrorMessage } from '@/lib/api-error-message';
import { useSetConversationTags } from '../api/set-conversation-tags';
import type { Conversation } from '../types';

function swatch(tag: Pick<Tag, 'color'>): string {
  const color = tagColor(tag);
  return color.startsWith('#') ? color : `var(--mantine-color-${color}-filled)`;
}

interface TagPickerProps {
  conversation: Conversation;
}

/** Tick tags on and off (saved at once); type a new name and press Enter to create one. */
export function TagPicker({ conversation }: TagPickerProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState('');
  const tags = useTags();
  const createTag = useCreateTag();
  const setTags = useSetConversationTags(conversation.id);
  const current =
    (setTags.isPending ? setTags.variables : undefined) ??
    (conversation.tags ?? []).map((tag) => tag.id);

  const needle = search.trim().toLowerCase();
  const all = tags.data ?? [];
  const visible = all.filter((tag) => tag.name.toLowerCase().includes(needle));
  const exact = all.find((tag) => tag.name.toLowerCase() === needle);

  const toggle = (tagId: string) => {
    const next = current.includes(tagId)
      ? current.filter((id) => id !== tagId)
      : [...current, tagId];
    setTags.mutate(next);
  };

  const create = () => {
    const name = search.trim();
    if (!name) return;
    if (exact) {
      if (!current.includes(exact.id)) toggle(exact.id);
      setSearch('');
      return;
    }
    const color = TAG_PALETTE[all.length % TAG_PALETTE.length];
    createTag.mutate(
      { name, color },
      {
        onSuccess: (tag) => {
          setSearch('');
          setTags.mutate([...current, tag.id]);
        },
      },
    );
  };

  const createError =
    createTag.error && isApiError(createTag.error) && createTag.error.code === 'tag_exists'
      ? t('workflow.tags.exists')
      : createTag.error && (knownApiErrorMessage(t, createTag.error) ?? createTag.error.message);

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={260}
      shadow="md"
      trapFocus
      withinPortal
    >
      <Popover.Target>
        <Tooltip label={t('workflow.tags.action')} withArrow disabled={opened}>
          <ActionIcon
            variant="default"
            size={30}
            aria-label={t('workflow.tags.action')}
            onClick={() => setOpened((value) => !value)}
            data-testid="tags-button"
          >
            <IconTag size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="tag-picker">
        <Stack gap="xs">
          <TextInput
            size="xs"
            placeholder={t('workflow.tags.searchOrCreate')}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              createTag.reset();
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                create();
              }
            }}
            error={createError}
            aria-label={t('workflow.tags.searchOrCreate')}
            data-testid="tag-search"
            data-autofocus
          />
          <ScrollArea.Autosize mah={220} type="auto">
            <Stack gap={4}>
              {visible.map((tag) => (
                <Checkbox
                  key={tag.id}
                  size="xs"
                  checked={current.includes(tag.id)}
                  onChange={() => toggle(tag.id)}
                  data-testid="tag-option"
                  data-tag={tag.name}
                  label={
                    <Group gap={6} wrap="nowrap">
                      <ColorSwatch color={swatch(tag)} size={10} withShadow={false} />
                      <Text size="sm" truncate>
                        {tag.name}
                      </Text>
                    </Group>
                  }
                />
              ))}
              {all.length === 0 && !needle && (
                <Text size="xs" c="dimmed" py={4}>
                  {tags.isError ? t('errors.loadFailed') : t('workflow.tags.empty')}
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
          {needle && !exact && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={create}
              loading={createTag.isPending}
              data-testid="tag-create"
              justify="flex-start"
            >
              {t('workflow.tags.create', { name: search.trim() })}
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
