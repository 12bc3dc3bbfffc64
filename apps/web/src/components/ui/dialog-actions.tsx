import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface DialogActionsProps {
  /** Why the last attempt failed, shown above the buttons. */
  error: string | null;
  errorTestId: string;
  confirmLabel: string;
  confirmTestId: string;
  onConfirm: () => void;
  onCancel: () => void;
  disabled?: boolean;
  loading?: boolean;
}

/** The foot of a dialog that does one thing: its error, Cancel, and the action. */
export function DialogActions(props: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      {props.error && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          data-testid={props.errorTestId}
        >
          {props.error}
        </Alert>
      )}
      <Group justify="flex-end" mt="xs">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={props.onConfirm}
          disabled={props.disabled}
          loading={props.loading}
          data-testid={props.confirmTestId}
        >
          {props.confirmLabel}
        </Button>
      </Group>
    </>
  );
}
