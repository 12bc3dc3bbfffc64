import { Tooltip } from '@mantine/core';
import { IconAlertCircleFilled, IconCheck, IconChecks, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MessageStatus } from '../types';

const SIZE = 14;

function StatusIcon({ status }: { status: MessageStatus }) {
  switch (status) {
    case 'queued':
      return <IconClock size={SIZE - 2} />;
    case 'sent':
      return <IconCheck size={SIZE} />;
    case 'delivered':
      return <IconChecks size={SIZE} />;
    case 'read':
      return <IconChecks size={SIZE} color="var(--mantine-color-blue-6)" />;
    case 'failed':
      return <IconAlertCircleFilled size={SIZE} color="var(--mantine-color-red-6)" />;
    case 'received':
      return null;
  }
}

/** Ticks for outbound messages, WhatsApp-style, with the status spelled out on hover. */
export function DeliveryStatus({ status }: { status: MessageStatus }) {
  const { t } = useTranslation();
  if (status === 'received') return null;
  const label = t(`delivery.${status}`);
  return (
    <Tooltip label={label} withArrow openDelay={200}>
      <span
        role="img"
        aria-label={label}
        data-testid="delivery-status"
        style={{ display: 'inline-flex' }}
      >
        <StatusIcon status={status} />
      </span>
    </Tooltip>
  );
}
