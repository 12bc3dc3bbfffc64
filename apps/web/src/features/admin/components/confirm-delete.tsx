import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from './form-error';

interface ConfirmDeleteProps {
  opened: boolean;
  title: string;
  message: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** Every destructive action in the admin area asks first, and says what will happen. */
export function ConfirmDelete({
  opened,
  title,
  message,
  pending,
  error,
  onConfirm,
  onClose,
}: ConfirmDeleteProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{message}</Text>
        <FormError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={pending} data-testid="confirm-delete">
            {t('admin.common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
