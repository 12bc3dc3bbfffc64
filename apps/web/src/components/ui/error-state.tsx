import { Button } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './empty-state';

interface ErrorStateProps {
  title?: string;
  message?: string;
  onRetry?: () => void;
}

export function ErrorState({ title, message, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <EmptyState
      color="red"
      icon={<IconAlertTriangle size={28} />}
      title={title ?? t('errors.title')}
      description={message ?? t('errors.loadFailed')}
      action={
        onRetry && (
          <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={onRetry} mt="sm">
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
