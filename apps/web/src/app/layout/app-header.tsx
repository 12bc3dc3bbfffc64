import { Divider, Group, Text, ThemeIcon } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AdminLink } from '@/features/admin';
import { UserMenu, useCurrentUser } from '@/features/auth';
import { InboxStatusButton } from '@/features/inboxes';
import { SupervisorLink } from '@/features/monitor';
import { HeaderSearch } from '@/features/search';
import { RealtimeStatus } from '../realtime/realtime-status';
import { supervisorPaths } from '../routes/supervisor';
import { searchRoutes } from './search-routes';
import { WorkflowHeaderItems } from './workflow-header-items';

export function AppHeader() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <ThemeIcon size={30} radius="md" variant="filled">
          <IconMessages size={18} />
        </ThemeIcon>
        <Text fw={700} visibleFrom="xs">
          {t('app.name')}
        </Text>
        <Divider orientation="vertical" visibleFrom="xs" />
        <Text c="dimmed" size="sm" fw={500} truncate data-testid="workspace-name">
          {user.workspace.name}
        </Text>
      </Group>
      <HeaderSearch routes={searchRoutes} />
      <Group gap="md" wrap="nowrap">
        <RealtimeStatus />
        {user.role !== 'agent' && <InboxStatusButton />}
        {user.role !== 'agent' && <SupervisorLink to={supervisorPaths.root} />}
        {user.role === 'admin' && <AdminLink />}
        <WorkflowHeaderItems />
        <UserMenu />
      </Group>
    </Group>
  );
}
