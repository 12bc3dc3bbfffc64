import { Text, Tooltip, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import { formatDateTime, formatListTime } from '@/lib/format-time';
import { useNow } from '@/lib/use-now';

interface RelativeTimeProps extends TextProps {
  value: string;
}

/** "5 min", "3 h", "Tue"… with the exact date and time on hover; stays current on its own. */
export function RelativeTime({ value, ...textProps }: RelativeTimeProps) {
  const { t } = useTranslation();
  const now = useNow();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const locale = currentLocale();
  return (
    <Tooltip label={formatDateTime(locale, date)} withArrow openDelay={400}>
      <Text component="time" dateTime={value} {...textProps}>
        {formatListTime(t, locale, date, now)}
      </Text>
    </Tooltip>
  );
}
