import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';

/** The API's error in words the agent can act on; its own message when we have nothing better. */
function describe(t: TFunction, error: Error): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.isNetworkError) return t('errors.network');
  if (error.code === 'whatsapp_window_closed') return t('sendErrors.windowClosed');
  if (error.status === 413) return t('sendErrors.fileTooLarge');
  if (error.status === 415) return t('sendErrors.fileType');
  return error.message.trim() || t('errors.unexpected');
}

interface SendErrorProps {
  /** An API error to explain, or a message already written for the agent. */
  error: Error | string;
  onClose: () => void;
  testId: string;
}

/** Why a send failed, next to the button that failed, until the agent dismisses it. */
export function SendError({ error, onClose, testId }: SendErrorProps) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.requestId : null;
  const message = typeof error === 'string' ? error : describe(t, error);
  return (
    <Alert
      color="red"
      variant="light"
      py="xs"
      icon={<IconAlertCircle size={16} />}
      withCloseButton
      closeButtonLabel={t('common.dismiss')}
      onClose={onClose}
      role="alert"
      data-testid={testId}
      data-code={isApiError(error) ? error.code : undefined}
    >
      <Text size="sm">{message}</Text>
      {requestId && (
        <Text size="xs" c="dimmed">
          {t('errors.requestId', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
