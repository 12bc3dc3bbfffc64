import { Button, Group, Textarea } from '@mantine/core';
import { IconNote, IconSend } from '@tabler/icons-react';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError, isApiError } from '@/lib/api-client';
import type { InboxKind } from '@/types/vocabulary';
import { useSendMessage } from '../api/send-message';
import { isSendableMedia, MEDIA_MAX_BYTES, useUploadMedia } from '../api/upload-media';
import { useDraft } from '../hooks/use-draft';
import { AttachButton } from './attach-button';
import { SendError } from './send-error';
import { SmsCounter } from './sms-counter';
import { UploadProgress } from './upload-progress';

interface MessageComposerProps {
  conversationId: string;
  channel: InboxKind;
  isNote: boolean;
  disabled: boolean;
  /** Files can go out now (WhatsApp with the window open); the text becomes their caption. */
  canAttach: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
  onSent?: () => void;
  /** The API refused free text because WhatsApp's window closed before the screen noticed. */
  onWindowClosed?: () => void;
}

/** Free text: a reply (optionally with a file) or a private note. */
export function MessageComposer({
  conversationId,
  channel,
  isNote,
  disabled,
  canAttach,
  inputRef,
  onSent,
  onWindowClosed,
}: MessageComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useDraft(conversationId);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const send = useSendMessage({ conversationId, onSent });
  const upload = useUploadMedia({ conversationId, onSent });
  const busy = send.isPending || upload.isPending;
  const canSend = !disabled && text.trim().length > 0 && !busy;

  const onError = (error: Error) => {
    if (isApiError(error) && error.code === 'whatsapp_window_closed') onWindowClosed?.();
  };

  const clearErrors = () => {
    setFileProblem(null);
    send.reset();
    upload.reset();
  };

  const submit = () => {
    if (!canSend) return;
    clearErrors();
    send.mutate({ text: text.trim(), private: isNote }, { onSuccess: () => setText(''), onError });
  };

  const attach = (file: File) => {
    clearErrors();
    if (!isSendableMedia(file)) {
      setFileProblem(t('sendErrors.fileTypeNamed', { name: file.name }));
      return;
    }
    if (file.size > MEDIA_MAX_BYTES) {
      setFileProblem(t('sendErrors.fileTooLargeNamed', { name: file.name }));
      return;
    }
    upload.mutate({ file, text: text.trim() }, { onSuccess: () => setText(''), onError });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter also confirms IME input (Japanese, Chinese…); that must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const uploadError = upload.error && !isAbortError(upload.error) ? upload.error : null;
  const error = fileProblem ?? send.error ?? uploadError;

  return (
    <>
      <Textarea
        ref={inputRef}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        placeholder={
          isNote
            ? t('reply.notePlaceholder')
            : canAttach
              ? t('reply.placeholderWithAttach')
              : t('reply.placeholder')
        }
        aria-label={isNote ? t('reply.modeNote') : t('reply.label')}
        disabled={disabled || upload.isPending}
        autosize
        minRows={2}
        maxRows={8}
        data-testid="reply-input"
        styles={
          isNote
            ? {
                input: {
                  background: 'var(--mantine-color-yellow-light)',
                  borderColor: 'var(--mantine-color-yellow-outline)',
                },
              }
            : undefined
        }
      />
      {upload.isPending && upload.variables && (
        <UploadProgress
          fileName={upload.variables.file.name}
          progress={upload.progress}
          onCancel={upload.cancel}
        />
      )}
      {error && <SendError error={error} onClose={clearErrors} testId="reply-error" />}
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          {canAttach && !isNote && <AttachButton disabled={disabled || busy} onFile={attach} />}
          {channel === 'sms_twilio' && !isNote && <SmsCounter text={text} />}
        </Group>
        <Button
          onClick={submit}
          disabled={!canSend}
          loading={send.isPending}
          color={isNote ? 'yellow' : undefined}
          rightSection={isNote ? <IconNote size={16} /> : <IconSend size={16} />}
          data-testid="reply-send"
        >
          {isNote ? t('reply.addNote') : t('reply.send')}
        </Button>
      </Group>
    </>
  );
}
