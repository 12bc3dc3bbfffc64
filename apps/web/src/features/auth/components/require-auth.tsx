import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorState } from '@/components/ui/error-state';
import { FullPageLoader } from '@/components/ui/full-page-loader';
import { useMe } from '../api/get-me';
import { CurrentUserContext } from '../hooks/use-current-user';

interface RequireAuthProps {
  loginPath: string;
  children: ReactNode;
}

/** Renders its children only for a signed-in user and sends everyone else to the login page. */
export function RequireAuth({ loginPath, children }: RequireAuthProps) {
  const me = useMe();
  const location = useLocation();

  if (me.data) {
    return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
  }
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <ErrorState onRetry={() => void me.refetch()} />;
  return <Navigate to={loginPath} replace state={{ from: location }} />;
}
