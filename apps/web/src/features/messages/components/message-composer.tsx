import { Button, Group, Textarea } from '@mantine/core';
import { IconNote, IconSend } from '@tabler/icons-react';
import { useMergedRef } from '@mantine/hooks';
import { useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError, isApiError } from '@/lib/api-client';
import type { InboxKind } from '@/types/vocabulary';
import { useSendMessage } from '../api/send-message';
import { isSendableMedia, MEDIA_MAX_BYTES, useUploadMedia } from '../api/upload-media';
import { useComposerSuggestions, type Suggestion } from '../hooks/use-composer-suggestions';
import { useDraft } from '../hooks/use-draft';
import { AttachButton } from './attach-button';
import { ComposerSuggestions } from './composer-suggestions';
import { SendError } from './send-error';
import { SmsCounter } from './sms-counter';
import { UploadProgress } from './upload-progress';
import classes from './thread.module.css';

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
  /** Called as the agent types (the web chat visitor sees "is typing…"). */
  onTyping?: () => void;
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
  onTyping,
}: MessageComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useDraft(conversationId);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const send = useSendMessage({ conversationId, onSent });
  const upload = useUploadMedia({ conversationId, onSent });
  const busy = send.isPending || upload.isPending;
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const mergedRef = useMergedRef(fieldRef, inputRef);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const { trigger, suggestions, loading } = useComposerSuggestions(
    conversationId,
    text,
    caret,
    isNote,
  );
  // Esc hides the list until the agent types elsewhere.
  const showSuggestions = trigger !== null && dismissedAt !== trigger.start && !disabled;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));

  const trackCaret = () => setCaret(fieldRef.current?.selectionStart ?? 0);

  const pick = (suggestion: Suggestion) => {
    if (!trigger) return;
    const next = text.slice(0, trigger.start) + suggestion.insert + text.slice(caret);
    const position = trigger.start + suggestion.insert.length;
    setText(next);
    setCaret(position);
    setActive(0);
    requestAnimationFrame(() => {
      fieldRef.current?.focus();
      fieldRef.current?.setSelectionRange(position, position);
    });
  };
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
    if (showSuggestions && !event.nativeEvent.isComposing) {
      const count = suggestions.length;
      if (event.key === 'ArrowDown' && count > 0) {
        event.preventDefault();
        setActive((activeIndex + 1) % count);
        return;
      }
      if (event.key === 'ArrowUp' && count > 0) {
        event.preventDefault();
        setActive((activeIndex - 1 + count) % count);
        return;
      }
      const chosen = suggestions[activeIndex];
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && chosen) {
        event.preventDefault();
        pick(chosen);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(trigger.start);
        return;
      }
    }
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
      <div className={classes.composerField}>
        {showSuggestions && (
          <ComposerSuggestions
            kind={trigger.kind}
            suggestions={suggestions}
            active={activeIndex}
            loading={loading}
            listId={listId}
            onPick={pick}
          />
        )}
        <Textarea
          ref={mergedRef}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setCaret(event.currentTarget.selectionStart);
            setActive(0);
            if (event.currentTarget.value.trim()) onTyping?.();
          }}
          onSelect={trackCaret}
          onClick={trackCaret}
          onKeyDown={onKeyDown}
          aria-autocomplete="list"
          aria-expanded={showSuggestions}
          aria-controls={showSuggestions ? listId : undefined}
          aria-activedescendant={
            showSuggestions && suggestions.length > 0 ? `${listId}-${activeIndex}` : undefined
          }
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
      </div>
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
