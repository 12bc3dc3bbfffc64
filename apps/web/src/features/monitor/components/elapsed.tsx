import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-time';
import { currentLocale } from '@/lib/i18n';
import { formatElapsed } from '../utils/format-elapsed';
import { LEVEL_COLOR, waitLevel } from '../utils/levels';

interface ElapsedProps {
  /** ISO instant the clock started; nothing shows without one. */
  since: string | null;
  now: number;
  /** A customer is waiting: colour the time once it gets long. */
  wait?: boolean;
  /** Take the surrounding text's size and weight (inside a headline number). */
  inherit?: boolean;
  testId?: string;
}

/** "12 min" since an instant, with the exact date and time on hover. */
export function Elapsed({ since, now, wait = false, inherit = false, testId }: ElapsedProps) {
  const { t } = useTranslation();
  const start = since ? Date.parse(since) : Number.NaN;
  if (Number.isNaN(start))
    return (
      <Text component="span" size="sm" inherit={inherit} c="dimmed" data-testid={testId}>
        —
      </Text>
    );
  const ms = now - start;
  const label = formatElapsed(t, ms);
  const level = waitLevel(ms);
  return (
    <Tooltip label={formatDateTime(currentLocale(), new Date(start))} withArrow openDelay={300}>
      {wait && level !== 'calm' ? (
        <Badge
          component="time"
          dateTime={since ?? undefined}
          variant="light"
          color={LEVEL_COLOR[level]}
          size={inherit ? 'xl' : 'lg'}
          radius="sm"
          tt="none"
          fw={600}
          data-testid={testId}
          data-level={level}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {label}
        </Badge>
      ) : (
        <Text
          component="time"
          dateTime={since ?? undefined}
          size="sm"
          inherit={inherit}
          fw={wait && !inherit ? 500 : undefined}
          data-testid={testId}
          data-level={wait ? level : undefined}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {label}
        </Text>
      )}
    </Tooltip>
  );
}
