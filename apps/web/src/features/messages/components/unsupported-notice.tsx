import { Group, Text } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

// WhatsApp types agents meet most; anything else is shown by its raw name.
const KNOWN_TYPES = ['poll', 'location', 'contacts', 'sticker', 'order', 'interactive'] as const;
type KnownType = (typeof KNOWN_TYPES)[number];

function isKnownType(type: string): type is KnownType {
  return (KNOWN_TYPES as readonly string[]).includes(type);
}

/** In place of an empty bubble: what the customer sent and what to ask them instead. */
export function UnsupportedNotice({ type }: { type: string }) {
  const { t } = useTranslation();
  const key = type.trim().toLowerCase();
  const name = isKnownType(key)
    ? t(`thread.unsupportedTypes.${key}`)
    : type || t('thread.unsupportedTypes.unknown');
  return (
    <Group
      gap={6}
      wrap="nowrap"
      align="flex-start"
      data-testid="message-unsupported"
      data-type={type}
    >
      <IconEyeOff size={16} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
      <Text size="sm" fs="italic" c="dimmed">
        {t('thread.unsupported', { type: name })}
      </Text>
    </Group>
  );
}
