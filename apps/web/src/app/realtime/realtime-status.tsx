import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRealtimeState } from './realtime-context';

/** A quiet "Live" dot while connected; a visible warning while updates may be missing. */
export function RealtimeStatus() {
  const { t } = useTranslation();
  const state = useRealtimeState();
  const connected = state === 'connected';
  const label = connected
    ? t('realtime.connected')
    : state === 'connecting'
      ? t('realtime.connecting')
      : t('realtime.reconnecting');

  return (
    <Tooltip
      label={connected ? t('realtime.connectedHint') : t('realtime.reconnectingHint')}
      withArrow
      multiline
      w={240}
    >
      <Badge
        variant={connected ? 'dot' : 'light'}
        color={connected ? 'teal' : 'orange'}
        size="md"
        data-testid="realtime-status"
        data-state={connected ? 'connected' : 'reconnecting'}
        role="status"
        aria-live="polite"
        tabIndex={0}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
