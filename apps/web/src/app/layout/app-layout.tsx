import { AppShell } from '@mantine/core';
import { Outlet } from 'react-router-dom';
import { RequireAuth } from '@/features/auth';
import { useWorkflowAlerts } from '@/features/notifications';
import { paths } from '../paths';
import { RealtimeProvider } from '../realtime/realtime-provider';
import { AppHeader } from './app-header';

export const HEADER_HEIGHT = 56;

/** Sounds, toasts and desktop notifications for what needs the signed-in agent. */
function WorkflowAlerts() {
  useWorkflowAlerts((conversation) => paths.inbox(conversation.status, conversation.id));
  return null;
}

/** Frame of every signed-in screen: session guard, realtime socket, header. */
export function AppLayout() {
  return (
    <RequireAuth loginPath={paths.login}>
      <RealtimeProvider>
        <WorkflowAlerts />
        <AppShell header={{ height: HEADER_HEIGHT }} padding={0}>
          <AppShell.Header>
            <AppHeader />
          </AppShell.Header>
          <AppShell.Main>
            <Outlet />
          </AppShell.Main>
        </AppShell>
      </RealtimeProvider>
    </RequireAuth>
  );
}
