import {
  ActionIcon,
  Alert,
  Button,
  Group,
  SimpleGrid,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconRefresh, IconTemplate } from '@tabler/icons-react';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import { useTemplates } from '../api/get-templates';
import { useSendMessage } from '../api/send-message';
import { useSyncTemplates } from '../api/sync-templates';
import type { MessageTemplate } from '../types';
import { SendError } from './send-error';
import { TemplatePreview } from './template-preview';

interface TemplatePickerProps {
  conversationId: string;
  inboxId: string;
  /** Prefills `{{1}}`, which most greeting templates use for the customer's name. */
  contactFirstName: string | null;
  onSent?: () => void;
}

function initialParameters(template: MessageTemplate | undefined, firstName: string | null) {
  return Array.from({ length: template?.parameterCount ?? 0 }, (_, index) =>
    index === 0 && firstName ? firstName : '',
  );
}

/** Outside WhatsApp's 24-hour window the only way to write: an approved template. */
export function TemplatePicker({
  conversationId,
  inboxId,
  contactFirstName,
  onSent,
}: TemplatePickerProps) {
  const { t } = useTranslation();
  const templates = useTemplates(inboxId);
  const sync = useSyncTemplates(inboxId);
  const send = useSendMessage({ conversationId, onSent });
  const [templateId, setTemplateId] = useState('');
  const [parameters, setParameters] = useState<string[]>([]);

  const items = useMemo(
    () =>
      [...(templates.data?.items ?? [])].sort(
        (a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language),
      ),
    [templates.data],
  );
  // A sync can remove the chosen template (paused or rejected by Meta): then none is chosen.
  const template = items.find((item) => item.id === templateId);
  const complete =
    template !== undefined &&
    parameters.length === template.parameterCount &&
    parameters.every((value) => value.trim().length > 0);
  const syncedAt = templates.data?.syncedAt;

  const choose = (id: string) => {
    setTemplateId(id);
    setParameters(
      initialParameters(
        items.find((item) => item.id === id),
        contactFirstName,
      ),
    );
    send.reset();
  };

  const submit = () => {
    if (!template || !complete || send.isPending) return;
    send.mutate(
      { template: { id: template.id, parameters: parameters.map((value) => value.trim()) } },
      { onSuccess: () => choose('') },
    );
  };

  const onParameterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const selectPlaceholder = templates.isPending
    ? t('templates.loading')
    : items.length === 0
      ? t('templates.none')
      : t('templates.placeholder');

  return (
    <Stack gap="xs" data-testid="template-picker">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label={t('templates.label')}
          leftSection={<IconTemplate size={16} />}
          placeholder={selectPlaceholder}
          value={template ? template.id : null}
          onChange={(value) => choose(value ?? '')}
          data={items.map((item) => ({ value: item.id, label: `${item.name} · ${item.language}` }))}
          disabled={items.length === 0}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('templates.noMatch')}
          maxDropdownHeight={280}
          comboboxProps={{ position: 'top', middlewares: { flip: true, shift: true } }}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="template-select"
        />
        <Tooltip label={t('templates.sync')} withArrow>
          <ActionIcon
            variant="default"
            size={36}
            onClick={() => sync.mutate()}
            loading={sync.isPending}
            aria-label={t('templates.sync')}
            data-testid="template-sync"
          >
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>

      {templates.isError && !templates.data ? (
        <Alert color="red" variant="light" py="xs" data-testid="template-load-error">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('templates.loadFailed')}</Text>
            <Button
              size="compact-sm"
              variant="light"
              color="red"
              loading={templates.isFetching}
              onClick={() => void templates.refetch()}
            >
              {t('common.retry')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Text size="xs" c="dimmed" data-testid="template-synced-at">
          {!templates.isPending && items.length === 0 && `${t('templates.empty')} `}
          {syncedAt
            ? t('templates.syncedAt', { time: formatDateTime(currentLocale(), new Date(syncedAt)) })
            : templates.data && t('templates.neverSynced')}
        </Text>
      )}
      {sync.error && (
        <SendError error={sync.error} onClose={sync.reset} testId="template-sync-error" />
      )}

      {template && (
        <>
          {template.parameterCount > 0 && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
              {parameters.map((value, index) => {
                const token = `{{${index + 1}}}`;
                return (
                  <TextInput
                    key={`${template.id}-${index}`}
                    label={token}
                    placeholder={t('templates.parameterPlaceholder', { token })}
                    value={value}
                    onChange={(event) => {
                      const next = event.currentTarget.value;
                      setParameters((current) =>
                        current.map((old, position) => (position === index ? next : old)),
                      );
                    }}
                    onKeyDown={onParameterKeyDown}
                    required
                    data-testid={`template-param-${index + 1}`}
                  />
                );
              })}
            </SimpleGrid>
          )}
          <TemplatePreview template={template} parameters={parameters} />
        </>
      )}

      {send.error && <SendError error={send.error} onClose={send.reset} testId="template-error" />}

      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {template && !complete ? t('templates.fillParameters') : t('templates.hint')}
        </Text>
        <Button
          onClick={submit}
          disabled={!complete}
          loading={send.isPending}
          rightSection={<IconTemplate size={16} />}
          data-testid="template-send"
        >
          {t('templates.send')}
        </Button>
      </Group>
    </Stack>
  );
}
