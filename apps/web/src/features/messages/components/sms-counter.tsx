import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countSmsSegments } from '@/lib/sms-segments';

/** "48/160 · 1 SMS": what this reply will cost, before the agent sends it. */
export function SmsCounter({ text }: { text: string }) {
  const { t } = useTranslation();
  const info = countSmsSegments(text);
  const encoding = t(`reply.smsEncoding.${info.encoding}`);
  return (
    <Tooltip label={t('reply.smsEncodingHint')} multiline w={260} withArrow>
      <Text
        size="xs"
        c={info.segments > 1 ? 'orange' : 'dimmed'}
        data-testid="sms-counter"
        data-segments={info.segments}
        data-encoding={info.encoding}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {encoding} ·{' '}
        {t('reply.smsCounter', { used: info.used, limit: info.limit, segments: info.segments })}
      </Text>
    </Tooltip>
  );
}
