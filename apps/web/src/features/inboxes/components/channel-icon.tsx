import {
  IconBrandWhatsapp,
  IconMail,
  IconMessage2,
  IconMessageCircle,
  type IconProps,
} from '@tabler/icons-react';
import { Tooltip } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxKind } from '../types';

const ICONS: Record<InboxKind, { icon: ComponentType<IconProps>; color: string }> = {
  sms_twilio: { icon: IconMessage2, color: 'var(--mantine-color-grape-6)' },
  whatsapp_twilio: { icon: IconBrandWhatsapp, color: 'var(--mantine-color-green-6)' },
  whatsapp_cloud: { icon: IconBrandWhatsapp, color: 'var(--mantine-color-green-6)' },
  email: { icon: IconMail, color: 'var(--mantine-color-blue-6)' },
  webchat: { icon: IconMessageCircle, color: 'var(--mantine-color-orange-6)' },
};

interface ChannelIconProps {
  kind: InboxKind;
  size?: number;
  /** Show the channel name on hover; off where the name is already written next to it. */
  withTooltip?: boolean;
}

export function ChannelIcon({ kind, size = 16, withTooltip = true }: ChannelIconProps) {
  const { t } = useTranslation();
  const { icon: Icon, color } = ICONS[kind];
  const label = t(`channel.${kind}`);
  const icon = (
    <Icon
      size={size}
      color={color}
      stroke={1.8}
      aria-label={label}
      role="img"
      style={{ flexShrink: 0 }}
    />
  );
  return withTooltip ? (
    <Tooltip label={label} withArrow openDelay={300}>
      {icon}
    </Tooltip>
  ) : (
    icon
  );
}
