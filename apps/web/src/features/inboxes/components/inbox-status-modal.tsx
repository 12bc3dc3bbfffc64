import { ActionIcon, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useInboxes } from '../api/get-inboxes';
import { ChannelIcon } from './channel-icon';
import { MailSyncStatus } from './mail-sync-status';

/** For admins and supervisors: every connected channel, and how far mailboxes have been read. */
export function InboxStatusButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const { data: inboxes = [] } = useInboxes();
  return (
    <>
      <Tooltip label={t('inboxStatus.title')}>
        <ActionIcon
          variant="subtle"
          onClick={open}
          aria-label={t('inboxStatus.title')}
          data-testid="inbox-status-button"
        >
          <IconInbox size={18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={t('inboxStatus.title')} size="lg">
        <Stack gap="md">
          {inboxes.map((inbox) => (
            <div key={inbox.id} data-testid="inbox-status-item">
              <Group gap="xs" wrap="nowrap">
                <ChannelIcon kind={inbox.kind} />
                <Text size="sm" fw={600}>
                  {inbox.name}
                </Text>
                <Text size="sm" c="dimmed" truncate>
                  {inbox.address}
                </Text>
              </Group>
              {opened && inbox.kind === 'email' && <MailSyncStatus inboxId={inbox.id} />}
            </div>
          ))}
        </Stack>
      </Modal>
    </>
  );
}
