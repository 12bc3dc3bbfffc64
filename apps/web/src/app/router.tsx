import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AppLayout } from './layout/app-layout';
import { paths } from './paths';
import { InboxRoute } from './routes/inbox';
import { LoginRoute } from './routes/login';
import { AdminRoute } from './routes/admin';
import { SupervisorRoute, supervisorPaths } from './routes/supervisor';
import {
  CannedResponsesPage,
  RulesPage,
  TagsPage,
  TeamEditorPage,
  TeamsPage,
  adminPaths,
} from '@/features/admin';
import { MonitorPage } from '@/features/monitor';

export function createRouter() {
  return createBrowserRouter([
    { path: paths.login, element: <LoginRoute /> },
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to={paths.inbox('open')} replace /> },
        { path: ':tab/:conversationId?', element: <InboxRoute /> },
        {
          path: 'admin',
          element: <AdminRoute />,
          children: [
            { index: true, element: <Navigate to={adminPaths.teams} replace /> },
            { path: 'teams', element: <TeamsPage /> },
            { path: 'teams/:teamId', element: <TeamEditorPage /> },
            { path: 'rules', element: <RulesPage /> },
            { path: 'canned-responses', element: <CannedResponsesPage /> },
            { path: 'tags', element: <TagsPage /> },
          ],
        },
        {
          path: 'supervisor',
          element: <SupervisorRoute />,
          children: [
            { index: true, element: <Navigate to={supervisorPaths.monitor} replace /> },
            { path: 'monitor', element: <MonitorPage /> },
            {
              path: 'indicators',
              // Its charts are a large download that only supervisors need, when they open it.
              lazy: async () => ({
                Component: (await import('@/features/indicators')).IndicatorsPage,
              }),
            },
          ],
        },
      ],
    },
    { path: '*', element: <Navigate to={paths.home} replace /> },
  ]);
}
