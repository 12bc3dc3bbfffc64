import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconEye, IconUserShare, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth';
import { TransferModal, type Conversation } from '@/features/conversations';
import { ReassignModal } from './reassign-modal';

interface SupervisorActionsProps {
  conversation: Conversation;
}

/**
 * What supervisors and admins may do with any conversation that is not closed: give it to
 * another agent (reassign) or send it back to a team's queue (redirect, the transfer dialog
 * opened on its team side). Join and Close are the thread's usual buttons.
 */
export function SupervisorActions({ conversation }: SupervisorActionsProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [reassignOpened, reassign] = useDisclosure(false);
  const [redirectOpened, redirect] = useDisclosure(false);
  if (user.role === 'agent' || conversation.status === 'closed') return null;

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={240} withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="light"
            color="violet"
            leftSection={<IconEye size={16} />}
            rightSection={<IconChevronDown size={14} />}
            data-testid="supervisor-actions"
          >
            {t('supervision.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconUserShare size={16} />}
            onClick={reassign.open}
            data-testid="supervisor-reassign"
          >
            {t('supervision.reassign.action')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconUsersGroup size={16} />}
            onClick={redirect.open}
            data-testid="supervisor-redirect"
          >
            {t('supervision.redirect.action')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ReassignModal conversation={conversation} opened={reassignOpened} onClose={reassign.close} />
      <TransferModal
        conversation={conversation}
        opened={redirectOpened}
        onClose={redirect.close}
        initialTarget="team"
      />
    </>
  );
}
