import { CloseButton, Group, Progress, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface UploadProgressProps {
  fileName: string;
  /** 0 to 1. */
  progress: number;
  onCancel: () => void;
}

export function UploadProgress({ fileName, progress, onCancel }: UploadProgressProps) {
  const { t } = useTranslation();
  const percent = Math.round(progress * 100);
  // At 100 % the file is sent and the API is still storing it and handing it to WhatsApp.
  const done = percent >= 100;
  const label = done
    ? t('reply.finishingUpload', { name: fileName })
    : t('reply.uploading', { name: fileName });
  return (
    <Group gap="xs" wrap="nowrap" data-testid="reply-upload-progress" data-progress={percent}>
      <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="xs" truncate maw={220}>
        {label}
      </Text>
      <Progress
        value={percent}
        size="sm"
        animated={done}
        striped={done}
        style={{ flex: 1 }}
        aria-label={label}
      />
      <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {percent}%
      </Text>
      <CloseButton
        size="sm"
        onClick={onCancel}
        aria-label={t('reply.cancelUpload')}
        data-testid="reply-upload-cancel"
      />
    </Group>
  );
}
