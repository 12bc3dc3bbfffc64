import { Alert, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '@/components/ui/relative-time';
import { useMailSync } from '../api/get-mail-sync';

/** An email inbox's reading progress: the first backfill, the last sync, the last error. */
export function MailSyncStatus({ inboxId }: { inboxId: string }) {
  const { t } = useTranslation();
  const { data: sync } = useMailSync(inboxId);
  if (!sync) return null;
  if (sync.mode === 'forwarding')
    return (
      <Text size="xs" c="dimmed" data-testid="mail-sync" data-mode="forwarding">
        {t('inboxStatus.forwarding')}
      </Text>
    );
  const { status, done, total } = sync.backfill;
  const percent = total > 0 ? Math.round((done / total) * 100) : status === 'done' ? 100 : 0;
  return (
    <div data-testid="mail-sync" data-mode="imap" data-status={status}>
      <Group justify="space-between" gap="xs">
        <Text size="xs">{t(`inboxStatus.backfill.${status}`, { done, total })}</Text>
        {sync.lastSyncedAt && (
          <Text size="xs" c="dimmed">
            {t('inboxStatus.lastSynced')} <RelativeTime value={sync.lastSyncedAt} />
          </Text>
        )}
      </Group>
      <Progress
        mt={4}
        size="sm"
        value={percent}
        color={status === 'failed' ? 'red' : 'teal'}
        animated={status === 'running'}
        aria-label={t('inboxStatus.progress', { percent })}
      />
      {sync.lastError && (
        <Alert mt="xs" color="red" variant="light" p="xs">
          <Text size="xs">{sync.lastError}</Text>
        </Alert>
      )}
    </div>
  );
}
