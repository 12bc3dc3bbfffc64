import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlarm, IconAlarmOff, IconCalendarTime } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import { useSnoozeConversation } from '../api/snooze-conversation';
import { useUnsnoozeConversation } from '../api/unsnooze-conversation';
import type { Conversation } from '../types';
import { formatWakeTime } from '../utils/format-wake-time';

const HOUR = 3_600_000;

function tomorrowAtNine(now: Date): Date {
  const date = new Date(now);
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return date;
}

/** `datetime-local` wants local wall-clock time without a zone. */
function toLocalInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

interface SnoozeMenuProps {
  conversation: Conversation;
}

/** Snooze until a preset or a chosen time; a snoozed conversation offers "Unsnooze" instead. */
export function SnoozeMenu({ conversation }: SnoozeMenuProps) {
  const { t } = useTranslation();
  const snooze = useSnoozeConversation(conversation.id);
  const unsnooze = useUnsnoozeConversation(conversation.id);
  const [customOpened, custom] = useDisclosure(false);
  const [customValue, setCustomValue] = useState('');
  const locale = currentLocale();

  const snoozeUntil = (until: Date, after?: () => void) =>
    snooze.mutate(until, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('workflow.snooze.done', { time: formatWakeTime(locale, until) }),
        });
        after?.();
      },
    });

  if (conversation.phase === 'snoozed') {
    return (
      <Tooltip label={t('workflow.snooze.unsnooze')} withArrow>
        <ActionIcon
          variant="light"
          color="violet"
          size={30}
          aria-label={t('workflow.snooze.unsnooze')}
          loading={unsnooze.isPending}
          data-testid="unsnooze-button"
          onClick={() =>
            unsnooze.mutate(undefined, {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: t('workflow.snooze.woken') }),
            })
          }
        >
          <IconAlarmOff size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }

  const now = new Date();
  const presets = [
    { key: 'oneHour', until: new Date(now.getTime() + HOUR) },
    { key: 'threeHours', until: new Date(now.getTime() + 3 * HOUR) },
    { key: 'tomorrow', until: tomorrowAtNine(now) },
  ] as const;
  const customDate = customValue ? new Date(customValue) : null;
  const customValid =
    customDate !== null && !Number.isNaN(customDate.getTime()) && customDate > now;

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={280} withinPortal>
        <Menu.Target>
          <Tooltip label={t('workflow.snooze.action')} withArrow>
            <ActionIcon
              variant="default"
              size={30}
              aria-label={t('workflow.snooze.action')}
              loading={snooze.isPending}
              data-testid="snooze-button"
            >
              <IconAlarm size={16} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('workflow.snooze.until')}</Menu.Label>
          {presets.map((preset) => (
            <Menu.Item
              key={preset.key}
              onClick={() => snoozeUntil(preset.until)}
              data-testid={`snooze-${preset.key}`}
              rightSection={
                <Text size="xs" c="dimmed">
                  {formatDateTime(locale, preset.until)}
                </Text>
              }
            >
              {t(`workflow.snooze.${preset.key}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconCalendarTime size={16} />}
            onClick={() => {
              setCustomValue(toLocalInput(tomorrowAtNine(new Date())));
              custom.open();
            }}
            data-testid="snooze-custom"
          >
            {t('workflow.snooze.custom')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={customOpened}
        onClose={custom.close}
        title={t('workflow.snooze.customTitle')}
        centered
        size="sm"
      >
        <Stack gap="sm">
          <TextInput
            type="datetime-local"
            label={t('workflow.snooze.until')}
            value={customValue}
            min={toLocalInput(now)}
            onChange={(event) => setCustomValue(event.currentTarget.value)}
            error={customValue && !customValid ? t('workflow.snooze.mustBeFuture') : undefined}
            data-autofocus
            data-testid="snooze-custom-input"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={custom.close}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!customValid}
              loading={snooze.isPending}
              onClick={() => customDate && snoozeUntil(customDate, custom.close)}
              data-testid="snooze-custom-confirm"
            >
              {t('workflow.snooze.action')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
