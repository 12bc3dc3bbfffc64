import { Alert, Button, Group, Modal, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useSendTranscript } from '../api/send-transcript';
import type { Conversation } from '../types';

interface TranscriptModalProps {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
}

// Deliberately loose: the server has the final say, this only catches obvious typos.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function contactEmail(conversation: Conversation): string {
  return (
    conversation.contact.identities.find((identity) => identity.kind === 'email')?.address ?? ''
  );
}

function TranscriptForm({ conversation, onClose }: Omit<TranscriptModalProps, 'opened'>) {
  const { t } = useTranslation();
  const prefilled = contactEmail(conversation);
  const [to, setTo] = useState(prefilled);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const send = useSendTranscript(conversation.id);

  // Errors about the address belong under the field; anything else goes in the alert.
  const error = send.error;
  const addressError =
    isApiError(error) && error.status === 422
      ? error.code === 'no_email_address'
        ? t('transcript.errors.noEmailAddress')
        : t('transcript.errors.invalid')
      : null;
  const generalError =
    !error || addressError
      ? null
      : isApiError(error) && error.code === 'no_email_inbox'
        ? t('transcript.errors.noEmailInbox')
        : isApiError(error) && error.isNetworkError
          ? t('errors.network')
          : isApiError(error) && error.message
            ? error.message
            : t('errors.unexpected');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = to.trim();
    if (!address) return setFieldError(t('transcript.errors.required'));
    if (!LOOKS_LIKE_EMAIL.test(address)) return setFieldError(t('transcript.errors.invalid'));
    setFieldError(null);
    send.mutate(address, {
      onSuccess: (receipt) => {
        onClose();
        notifications.show({
          color: 'teal',
          message: t('transcript.sent', { to: receipt?.to || address }),
        });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Text size="sm" c="dimmed" mb="md">
        {t('transcript.description')}
      </Text>
      <TextInput
        type="email"
        label={t('transcript.to')}
        placeholder={t('transcript.toPlaceholder')}
        description={prefilled ? undefined : t('transcript.noContactEmail')}
        autoComplete="email"
        required
        data-autofocus
        value={to}
        onChange={(event) => {
          setTo(event.currentTarget.value);
          setFieldError(null);
          if (send.isError) send.reset();
        }}
        error={fieldError ?? addressError}
        data-testid="transcript-to"
      />
      {generalError && (
        <Alert
          mt="md"
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={16} />}
          data-testid="transcript-error"
        >
          {generalError}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          leftSection={<IconSend size={16} />}
          loading={send.isPending}
          data-testid="transcript-send"
        >
          {t('transcript.send')}
        </Button>
      </Group>
    </form>
  );
}

/** Emails the conversation, on any channel, to the contact or to an address the agent types. */
export function TranscriptModal({ conversation, opened, onClose }: TranscriptModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('transcript.title')}
      centered
      size="md"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Unmounted while closed, so each opening starts from the contact's address. */}
      <TranscriptForm conversation={conversation} onClose={onClose} />
    </Modal>
  );
}
