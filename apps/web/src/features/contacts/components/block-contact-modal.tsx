import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSetContactBlocked } from '../api/block-contact';
import type { Contact } from '../types';

interface BlockContactModalProps {
  contact: Contact;
  displayName: string;
  opened: boolean;
  onClose: () => void;
}

/** Asks before blocking or unblocking: a blocked customer's messages stop reaching the queue. */
export function BlockContactModal({
  contact,
  displayName,
  opened,
  onClose,
}: BlockContactModalProps) {
  const { t } = useTranslation();
  const setBlocked = useSetContactBlocked(contact.id);
  const blocking = !contact.blocked;

  const confirm = () =>
    setBlocked.mutate(blocking, {
      onSuccess: () => {
        notifications.show({
          color: blocking ? 'red' : 'teal',
          message: blocking
            ? t('contact.blockedToast', { name: displayName })
            : t('contact.unblockedToast', { name: displayName }),
        });
        onClose();
      },
    });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={blocking ? t('contact.blockTitle') : t('contact.unblockTitle')}
      centered
    >
      <Text size="sm">
        {blocking
          ? t('contact.blockBody', { name: displayName })
          : t('contact.unblockBody', { name: displayName })}
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color={blocking ? 'red' : undefined}
          loading={setBlocked.isPending}
          onClick={confirm}
          data-testid="contact-block-confirm"
        >
          {blocking ? t('contact.block') : t('contact.unblock')}
        </Button>
      </Group>
    </Modal>
  );
}
