import { Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import type { Attachment } from '../types';
import { ImageAttachment } from './image-attachment';
import classes from './thread.module.css';

function formatSize(locale: string, bytes: number): string {
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1_000
        ? [bytes / 1_000, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

function AttachmentPreview({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const label = t('thread.openAttachment', { name: attachment.fileName });
  const type = attachment.contentType;

  if (attachment.state !== 'ready') {
    const failed = attachment.state === 'failed';
    return (
      <Group gap={6} wrap="nowrap" data-testid="attachment-unavailable">
        {failed ? (
          <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" />
        ) : (
          <Loader size={12} />
        )}
        <Text span size="sm" c={failed ? 'red' : 'dimmed'}>
          {failed
            ? t('thread.attachmentFailed', {
                name: attachment.fileName,
                reason: attachment.error ?? '',
              })
            : t('thread.attachmentPending', { name: attachment.fileName })}
        </Text>
      </Group>
    );
  }

  if (type.startsWith('image/')) return <ImageAttachment attachment={attachment} />;
  if (type.startsWith('audio/')) {
    // Voice notes are common on WhatsApp; playing them inline saves a download.
    return <audio controls preload="none" src={attachment.url} aria-label={label} />;
  }
  if (type.startsWith('video/')) {
    return (
      <video
        className={classes.image}
        controls
        preload="metadata"
        src={attachment.url}
        aria-label={label}
      />
    );
  }
  return (
    <Anchor href={attachment.url} target="_blank" rel="noreferrer" size="sm" aria-label={label}>
      <Group gap={6} wrap="nowrap">
        <IconPaperclip size={14} />
        <Text span size="sm" truncate maw={260}>
          {attachment.fileName}
        </Text>
        <Text span size="xs" c="dimmed">
          {formatSize(currentLocale(), attachment.size)}
        </Text>
      </Group>
    </Anchor>
  );
}

export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <Stack gap={4} mt={4}>
      {attachments.map((attachment) => (
        <AttachmentPreview key={attachment.id} attachment={attachment} />
      ))}
    </Stack>
  );
}
