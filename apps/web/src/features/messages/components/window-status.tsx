import { Group, Text, Tooltip } from '@mantine/core';
import { IconClock, IconClockExclamation, IconClockOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import type { WindowState } from '../hooks/use-window-state';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "5 h 12 min": always hours and minutes, never rounded up into days or "now". */
function formatRemaining(t: TFunction, ms: number): string {
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (hours > 0 && minutes > 0) return t('time.hoursMinutes', { hours, minutes });
  if (hours > 0) return t('time.hours', { count: hours });
  if (minutes > 0) return t('time.minutes', { count: minutes });
  return t('window.underAMinute');
}

/** One line above the composer: how long free text is still allowed on WhatsApp. */
export function WindowStatus({ status }: { status: WindowState }) {
  const { t } = useTranslation();
  const open = status.state === 'open';
  const closingSoon = open && status.remainingMs < HOUR;
  const color = open ? (closingSoon ? 'orange' : 'teal') : 'red';
  const Icon = open ? (closingSoon ? IconClockExclamation : IconClock) : IconClockOff;

  const label = open
    ? t('window.open', { remaining: formatRemaining(t, status.remainingMs) })
    : status.closesAt
      ? t('window.closed')
      : t('window.neverOpened');
  const closesAt = status.closesAt
    ? t(open ? 'window.closesAt' : 'window.closedAt', {
        time: formatDateTime(currentLocale(), new Date(status.closesAt)),
      })
    : null;

  return (
    <Tooltip
      label={[closesAt, t('window.hint')].filter(Boolean).join(' ')}
      multiline
      w={320}
      withArrow
      openDelay={300}
    >
      <Group
        gap={6}
        wrap="nowrap"
        data-testid="window-status"
        data-state={status.state}
        data-closing-soon={closingSoon}
        data-closes-at={status.closesAt ?? undefined}
      >
        <Icon size={16} color={`var(--mantine-color-${color}-6)`} aria-hidden />
        <Text size="xs" fw={500} c={color}>
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}
