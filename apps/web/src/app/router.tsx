import { createBrowserRouter, Navigate } from 'react-router-dom';
import { AppLayout } from './layout/app-layout';
import { paths } from './paths';
import { InboxRoute } from './routes/inbox';
import { LoginRoute } from './routes/login';

export function createRouter() {
  return createBrowserRouter([
    { path: paths.login, element: <LoginRoute /> },
    {
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to={paths.inbox('open')} replace /> },
        { path: ':tab/:conversationId?', element: <InboxRoute /> },
      ],
    },
    { path: '*', element: <Navigate to={paths.home} replace /> },
  ]);
}
