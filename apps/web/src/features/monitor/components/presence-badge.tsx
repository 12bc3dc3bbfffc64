import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PresenceDot } from '@/features/presence';
import type { Presence } from '../types';

const COLOR: Record<Presence, string> = { online: 'teal', away: 'yellow', offline: 'gray' };

export function PresenceBadge({ presence }: { presence: Presence }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={COLOR[presence]}
      radius="sm"
      tt="none"
      fw={600}
      leftSection={<PresenceDot presence={presence} size={7} />}
      data-testid="monitor-presence"
      data-presence={presence}
    >
      {t(`presence.${presence}`)}
    </Badge>
  );
}
