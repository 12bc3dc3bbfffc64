import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MailSync } from '../types';
import { inboxKeys } from './get-inboxes';

export const mailSyncKeys = {
  one: (inboxId: string) => [...inboxKeys.all, 'mail-sync', inboxId] as const,
};

export function getMailSync(inboxId: string, signal?: AbortSignal): Promise<MailSync> {
  return api.get<MailSync>(`/inboxes/${encodeURIComponent(inboxId)}/mail-sync`, undefined, signal);
}

/** Polled while shown: a first backfill of a busy mailbox takes minutes. */
export function useMailSync(inboxId: string) {
  return useQuery(
    queryOptions({
      queryKey: mailSyncKeys.one(inboxId),
      queryFn: ({ signal }) => getMailSync(inboxId, signal),
      refetchInterval: 3_000,
    }),
  );
}
