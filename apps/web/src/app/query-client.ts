import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { authKeys } from '@/features/auth';
import { isApiError } from '@/lib/api-client';
import { knownApiErrorMessage } from '@/lib/api-error-message';
import { i18n } from '@/lib/i18n';

interface AppMeta extends Record<string, unknown> {
  /** The screen shows this error itself; no toast. */
  silentErrors?: boolean;
  /** The screen shows the error next to the action that failed; a 401 still ends the session. */
  inlineErrors?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AppMeta;
    mutationMeta: AppMeta;
  }
}

function notifyError(error: Error) {
  const known = knownApiErrorMessage(i18n.t, error);
  if (known) {
    // A refusal we can explain (e.g. at capacity): the user's language, no "went wrong".
    notifications.show({
      id: `error-${isApiError(error) ? error.code : 'unknown'}`,
      color: 'orange',
      message: known,
      autoClose: 8000,
    });
    return;
  }
  const network = isApiError(error) && error.isNetworkError;
  const message = network
    ? i18n.t('errors.network')
    : error.message.trim() || i18n.t('errors.unexpected');
  const requestId = isApiError(error) ? error.requestId : null;
  notifications.show({
    // Same failure from several queries at once shows as one toast, not a stack.
    id: network
      ? 'network-error'
      : `error-${isApiError(error) ? error.code : 'unknown'}-${message}`,
    color: 'red',
    title: i18n.t('errors.title'),
    message: requestId ? `${message} (${i18n.t('errors.requestId', { id: requestId })})` : message,
    autoClose: 8000,
  });
}

function shouldRetry(failureCount: number, error: Error): boolean {
  // 4xx answers will not change by asking again; network blips and 5xx might.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401) {
          // The session ended (expired, revoked, signed out in another tab).
          queryClient.setQueryData(authKeys.me(), null);
          return;
        }
        // Something on screen is no longer ours to see (transferred to another team, taken by a
        // colleague): the lists drop it on refetch, and a red toast would only alarm.
        if (isApiError(error) && error.status === 404 && query.state.data !== undefined) return;
        if (!query.meta?.silentErrors && !query.meta?.inlineErrors) notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isApiError(error) && error.status === 401 && !mutation.meta?.silentErrors) {
          queryClient.setQueryData(authKeys.me(), null);
          return;
        }
        if (!mutation.meta?.silentErrors && !mutation.meta?.inlineErrors) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        // Realtime hints invalidate what changed, so data may stay fresh for a while.
        staleTime: 30_000,
        retry: shouldRetry,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
