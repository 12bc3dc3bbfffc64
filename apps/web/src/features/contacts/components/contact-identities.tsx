import { Group, Stack, Text } from '@mantine/core';
import {
  IconBrandWhatsapp,
  IconId,
  IconMail,
  IconPhone,
  IconWorld,
  type IconProps,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyValue } from '@/components/ui/copy-value';
import type { ContactIdentity } from '../types';

// Partial: the API may add identity kinds before this app knows them.
const IDENTITY_ICONS: Partial<Record<string, { icon: ComponentType<IconProps>; color: string }>> = {
  phone: { icon: IconPhone, color: 'var(--mantine-color-grape-6)' },
  whatsapp: { icon: IconBrandWhatsapp, color: 'var(--mantine-color-green-6)' },
  email: { icon: IconMail, color: 'var(--mantine-color-blue-6)' },
  web: { icon: IconWorld, color: 'var(--mantine-color-orange-6)' },
};

function IdentityRow({ identity }: { identity: ContactIdentity }) {
  const { t } = useTranslation();
  const { icon: Icon, color } = IDENTITY_ICONS[identity.kind] ?? {
    icon: IconId,
    color: 'var(--mantine-color-dimmed)',
  };
  const kind = t(`identity.${identity.kind}`, { defaultValue: identity.kind });
  const detail = identity.displayName ? `${kind} · ${identity.displayName}` : kind;
  return (
    <Group gap="xs" wrap="nowrap" data-testid="contact-identity" data-kind={identity.kind}>
      <Icon size={16} stroke={1.7} color={color} aria-label={kind} style={{ flexShrink: 0 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" truncate title={identity.address}>
          {identity.address}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {detail}
        </Text>
      </div>
      <CopyValue value={identity.address} />
    </Group>
  );
}

/** Every address the customer is known by, each with its channel and a copy button. */
export function ContactIdentities({ identities }: { identities: ContactIdentity[] }) {
  const { t } = useTranslation();
  if (identities.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('info.noIdentities')}
      </Text>
    );
  }
  return (
    <Stack gap={6} mt={4} data-testid="contact-identities">
      {identities.map((identity) => (
        <IdentityRow key={`${identity.kind}:${identity.address}`} identity={identity} />
      ))}
    </Stack>
  );
}
