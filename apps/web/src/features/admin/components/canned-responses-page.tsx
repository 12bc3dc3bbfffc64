import {
  Button,
  Card,
  Code,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconMessageBolt, IconPlus } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCannedResponses,
  useDeleteCannedResponse,
  useSaveCannedResponse,
} from '../api/canned-responses';
import type { CannedResponse } from '../types';
import { RowActions } from './row-actions';
import { ConfirmDelete } from './confirm-delete';
import { FormError } from './form-error';
import { useRowEditor } from '../hooks/use-row-editor';
import { ListBody } from './list-body';
import { PageHeader } from './page-header';
import { insertAtCaret, PlaceholderButtons } from './placeholder-buttons';

const SHORTCUT = /^[a-z0-9_-]{1,32}$/;
const VARIABLES = ['contact.name', 'agent.name', 'reference'] as const;

export function CannedResponsesPage() {
  const { t } = useTranslation();
  const items = useCannedResponses();
  const remove = useDeleteCannedResponse();
  const rows = useRowEditor<CannedResponse>();

  const newButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => rows.openForm(null)}
      data-testid="canned-new"
    >
      {t('admin.canned.new')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('admin.canned.title')}
        description={t('admin.canned.description')}
        action={newButton}
      />
      <ListBody
        query={items}
        empty={{
          icon: <IconMessageBolt size={28} />,
          title: t('admin.canned.emptyTitle'),
          description: t('admin.canned.emptyBody'),
          action: newButton,
        }}
      >
        {(loaded) => (
          <Card withBorder radius="md" p={0}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={160}>{t('admin.canned.shortcut')}</Table.Th>
                  <Table.Th>{t('admin.canned.titleLabel')}</Table.Th>
                  <Table.Th w={96} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {loaded.map((item) => (
                  <Table.Tr key={item.id} data-testid="canned-row" data-shortcut={item.shortcut}>
                    <Table.Td>
                      <Code>/{item.shortcut}</Code>
                    </Table.Td>
                    <Table.Td style={{ maxWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>
                        {item.title}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {item.body}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <RowActions
                          testId="canned"
                          onEdit={() => rows.openForm(item)}
                          onDelete={() => {
                            remove.reset();
                            rows.askDelete(item);
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
        title={rows.editing ? t('admin.canned.edit') : t('admin.canned.new')}
        size="lg"
        centered
      >
        {rows.formOpen && <CannedForm item={rows.editing} onDone={rows.closeForm} />}
      </Modal>
      <ConfirmDelete
        opened={rows.deleting !== null}
        title={t('admin.canned.deleteTitle', { shortcut: rows.deleting?.shortcut ?? '' })}
        message={t('admin.canned.deleteBody')}
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

interface CannedErrors {
  shortcut?: string;
  title?: string;
  body?: string;
}

function CannedForm({ item, onDone }: { item: CannedResponse | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCannedResponse();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [shortcut, setShortcut] = useState(item?.shortcut ?? '');
  const [title, setTitle] = useState(item?.title ?? '');
  const [body, setBody] = useState(item?.body ?? '');
  const [errors, setErrors] = useState<CannedErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: CannedErrors = {};
    if (!SHORTCUT.test(shortcut)) found.shortcut = t('admin.canned.shortcutInvalid');
    if (!title.trim()) found.title = t('admin.validation.required');
    if (!body.trim()) found.body = t('admin.validation.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate(
      { id: item?.id, response: { shortcut, title: title.trim(), body: body.trim() } },
      { onSuccess: onDone },
    );
  };

  const insert = (placeholder: string) => {
    const { text, caret } = insertAtCaret(bodyRef.current, body, placeholder);
    setBody(text);
    requestAnimationFrame(() => {
      bodyRef.current?.focus();
      bodyRef.current?.setSelectionRange(caret, caret);
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="canned-form">
      <fieldset disabled={save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <FormError error={save.error} />
          <Group grow align="flex-start">
            <TextInput
              label={t('admin.canned.shortcut')}
              description={t('admin.canned.shortcutHelp')}
              required
              data-autofocus
              leftSection={<Text c="dimmed">/</Text>}
              maxLength={32}
              value={shortcut}
              onChange={(event) =>
                setShortcut(event.currentTarget.value.toLowerCase().replace(/\s/g, '-'))
              }
              error={errors.shortcut}
              data-testid="canned-shortcut"
            />
            <TextInput
              label={t('admin.canned.titleLabel')}
              description={t('admin.canned.titleHelp')}
              required
              maxLength={120}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={errors.title}
              data-testid="canned-title"
            />
          </Group>
          <Textarea
            ref={bodyRef}
            label={t('admin.canned.body')}
            required
            autosize
            minRows={5}
            maxRows={14}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            error={errors.body}
            data-testid="canned-body"
          />
          <PlaceholderButtons placeholders={VARIABLES} onInsert={insert} testId="canned-var" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="canned-save">
              {item ? t('admin.common.save') : t('admin.canned.create')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
