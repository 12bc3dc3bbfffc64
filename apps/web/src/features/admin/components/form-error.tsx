import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { knownApiErrorMessage } from '@/lib/api-error-message';

/** The API's refusal in words an admin can act on; its own message when we know no better. */
function describe(t: TFunction, error: Error): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.isNetworkError) return t('errors.network');
  if (error.status === 403) return t('admin.errors.forbidden');
  if (error.status === 404) return t('admin.errors.notFound');
  if (error.code === 'tag_exists') return t('admin.errors.tagExists');
  if (error.code === 'shortcut_exists') return t('admin.errors.shortcutExists');
  const known = knownApiErrorMessage(t, error);
  if (known) return known;
  if (error.status === 409) return error.message.trim() || t('admin.errors.conflict');
  return error.message.trim() || t('errors.unexpected');
}

interface FormErrorProps {
  error: Error | null;
  testId?: string;
}

/** Why a save failed, shown inside the form that failed. */
export function FormError({ error, testId = 'admin-form-error' }: FormErrorProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      role="alert"
      data-testid={testId}
      data-code={isApiError(error) ? error.code : undefined}
    >
      <Text size="sm">{describe(t, error)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed">
          {t('errors.requestId', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
