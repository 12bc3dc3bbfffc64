import {
  Button,
  Card,
  ColorSwatch,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCheck, IconPlus, IconTag } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteTag, useSaveTag, useTags } from '../api/tags';
import type { Tag } from '../types';
import { RowActions } from './row-actions';
import { ConfirmDelete } from './confirm-delete';
import { FormError } from './form-error';
import { useRowEditor } from '../hooks/use-row-editor';
import { ListBody } from './list-body';
import { PageHeader } from './page-header';
import { TAG_COLORS, tagCssColor } from '@/features/tags';
import { TagBadge } from './tag-badge';

export function TagsPage() {
  const { t } = useTranslation();
  const tags = useTags();
  const remove = useDeleteTag();
  const rows = useRowEditor<Tag>();

  const newButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => rows.openForm(null)}
      data-testid="tag-new"
    >
      {t('admin.tags.new')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('admin.tags.title')}
        description={t('admin.tags.description')}
        action={newButton}
      />
      <ListBody
        query={tags}
        empty={{
          icon: <IconTag size={28} />,
          title: t('admin.tags.emptyTitle'),
          description: t('admin.tags.emptyBody'),
          action: newButton,
        }}
      >
        {(loaded) => (
          <Card withBorder radius="md" p={0}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={56}>{t('admin.tags.color')}</Table.Th>
                  <Table.Th>{t('admin.tags.name')}</Table.Th>
                  <Table.Th>{t('admin.common.preview')}</Table.Th>
                  <Table.Th w={96} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loaded.map((tag) => (
                  <Table.Tr key={tag.id} data-testid="tag-row" data-name={tag.name}>
                    <Table.Td>
                      <ColorSwatch
                        color={tagCssColor(tag.color)}
                        size={20}
                        aria-label={tag.color}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {tag.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <TagBadge tag={tag} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <RowActions
                          testId="tag"
                          onEdit={() => rows.openForm(tag)}
                          onDelete={() => {
                            remove.reset();
                            rows.askDelete(tag);
                          }}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
      </ListBody>
      <Modal
        opened={rows.formOpen}
        onClose={rows.closeForm}
        title={rows.editing ? t('admin.tags.edit') : t('admin.tags.new')}
        centered
      >
        {rows.formOpen && <TagForm tag={rows.editing} onDone={rows.closeForm} />}
      </Modal>
      <ConfirmDelete
        opened={rows.deleting !== null}
        title={t('admin.tags.deleteTitle', { name: rows.deleting?.name ?? '' })}
        message={t('admin.tags.deleteBody')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          rows.deleting && remove.mutate(rows.deleting.id, { onSuccess: rows.cancelDelete })
        }
        onClose={rows.cancelDelete}
      />
    </>
  );
}

function TagForm({ tag, onDone }: { tag: Tag | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTag();
  const [name, setName] = useState(tag?.name ?? '');
  const [color, setColor] = useState(tag?.color ?? 'blue');
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t('admin.validation.required'));
    if (trimmed.length > 40) return setNameError(t('admin.validation.tooLong'));
    setNameError(null);
    save.mutate({ id: tag?.id, tag: { name: trimmed, color } }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="tag-form">
      <fieldset disabled={save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <FormError error={save.error} />
          <TextInput
            label={t('admin.tags.name')}
            required
            data-autofocus
            maxLength={40}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            data-testid="tag-name"
          />
          <div>
            <Text size="sm" fw={500} mb={6}>
              {t('admin.tags.color')}
            </Text>
            <Group gap={8} role="radiogroup" aria-label={t('admin.tags.color')}>
              {TAG_COLORS.map((option) => (
                <ColorSwatch
                  key={option}
                  component="button"
                  type="button"
                  role="radio"
                  aria-checked={color === option}
                  aria-label={option}
                  color={tagCssColor(option)}
                  size={26}
                  onClick={() => setColor(option)}
                  style={{ cursor: 'pointer', color: 'white' }}
                  data-testid={`tag-color-${option}`}
                >
                  {color === option && <IconCheck size={14} />}
                </ColorSwatch>
              ))}
            </Group>
          </div>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('admin.common.preview')}
            </Text>
            <TagBadge tag={{ name: name.trim() || t('admin.tags.name'), color }} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="tag-save">
              {tag ? t('admin.common.save') : t('admin.tags.create')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
