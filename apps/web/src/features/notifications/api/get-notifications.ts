import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AppNotification, NotificationList } from '../types';

export const notificationKeys = {
  all: ['notifications'] as const,
};

/** The contract names the list `items`; accept a bare array too, it costs nothing. */
function normalize(body: NotificationList | AppNotification[]): NotificationList {
  if (Array.isArray(body)) {
    return { items: body, unread: body.filter((item) => !item.readAt).length };
  }
  return { items: body.items ?? [], unread: body.unread ?? 0 };
}

export async function getNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return normalize(
    await api.get<NotificationList | AppNotification[]>('/notifications', undefined, signal),
  );
}

export function useNotifications() {
  return useQuery(
    queryOptions({
      queryKey: notificationKeys.all,
      queryFn: ({ signal }) => getNotifications(signal),
      // The bell is decoration until the endpoint answers; it must never toast.
      meta: { silentErrors: true },
      // A mention hint refetches at once; this only catches a missed one.
      refetchInterval: 120_000,
    }),
  );
}

export function markNotificationsRead(ids?: string[]): Promise<void> {
  return api.post<void>('/notifications/read', ids ? { ids } : {});
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onMutate: (ids) => {
      // Clear the badge at once; the refetch confirms it.
      queryClient.setQueryData<NotificationList>(notificationKeys.all, (list) => {
        if (!list) return list;
        const now = new Date().toISOString();
        const items = list.items.map((item) =>
          !ids || ids.includes(item.id) ? { ...item, readAt: item.readAt ?? now } : item,
        );
        return { items, unread: items.filter((item) => !item.readAt).length };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
