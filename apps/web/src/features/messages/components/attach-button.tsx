import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA_ACCEPT } from '../api/upload-media';

interface AttachButtonProps {
  disabled: boolean;
  onFile: (file: File) => void;
}

/** A paperclip that opens the file dialog; the hidden input carries the test id. */
export function AttachButton({ disabled, onFile }: AttachButtonProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        accept={MEDIA_ACCEPT}
        hidden
        disabled={disabled}
        aria-label={t('reply.attach')}
        data-testid="reply-attach"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so choosing the same file again (after an error) fires change again.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <Tooltip label={t('reply.attachHint')} withArrow multiline w={240}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          disabled={disabled}
          onClick={() => inputRef.current?.click()}
          aria-label={t('reply.attach')}
          data-testid="reply-attach-button"
        >
          <IconPaperclip size={18} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
