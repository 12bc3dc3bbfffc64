import { Group, Loader, Text, Textarea } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateContact } from '../api/update-contact';
import type { Contact } from '../types';

const SAVE_AFTER_MS = 800;
const MAX_NOTES = 5000;

type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

/** Free-form notes about the customer, saved as the agent types (and on leaving the field). */
export function ContactNotes({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const { mutate } = useUpdateContact(contact.id);
  const server = contact.notes ?? '';
  const [draft, setDraft] = useState(server);
  const [state, setState] = useState<SaveState>('idle');
  // What the callbacks compare: the text on screen, the text last stored, a save in flight.
  const draftRef = useRef(server);
  const savedRef = useRef(server);
  const inFlight = useRef(false);

  const save = useCallback(
    function saveDraft() {
      const value = draftRef.current;
      if (value === savedRef.current || inFlight.current) return;
      inFlight.current = true;
      setState('saving');
      mutate(
        { notes: value.trim() === '' ? null : value },
        {
          onSuccess: () => {
            inFlight.current = false;
            savedRef.current = value;
            // The agent kept typing while this one was on its way: store the rest too.
            if (draftRef.current !== value) saveDraft();
            else setState('saved');
          },
          onError: () => {
            inFlight.current = false;
            setState('error');
          },
        },
      );
    },
    [mutate],
  );
  // Leaving the conversation right after typing still stores the last words.
  const saveSoon = useDebouncedCallback(save, { delay: SAVE_AFTER_MS, flushOnUnmount: true });

  // Someone else edited the notes: take theirs unless the agent is in the middle of typing.
  useEffect(() => {
    if (server === savedRef.current) return;
    const typing = draftRef.current !== savedRef.current;
    savedRef.current = server;
    if (!typing) {
      draftRef.current = server;
      setDraft(server);
    }
  }, [server]);

  const change = (value: string) => {
    draftRef.current = value;
    setDraft(value);
    setState('dirty');
    saveSoon();
  };

  return (
    <div>
      <Textarea
        value={draft}
        onChange={(event) => change(event.currentTarget.value)}
        onBlur={saveSoon.flush}
        placeholder={t('contact.notesPlaceholder')}
        aria-label={t('contact.notes')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={MAX_NOTES}
        size="sm"
        data-testid="contact-notes"
      />
      <Group gap={4} mt={4} mih={18} data-testid="contact-notes-status" data-state={state}>
        {state === 'saving' && (
          <>
            <Loader size={10} />
            <Text size="xs" c="dimmed">
              {t('contact.saving')}
            </Text>
          </>
        )}
        {state === 'saved' && (
          <>
            <IconCheck size={12} color="var(--mantine-color-teal-6)" />
            <Text size="xs" c="dimmed">
              {t('contact.saved')}
            </Text>
          </>
        )}
        {state === 'error' && (
          <>
            <IconAlertCircle size={12} color="var(--mantine-color-red-6)" />
            <Text size="xs" c="red">
              {t('contact.saveFailed')}
            </Text>
            <Text
              component="button"
              type="button"
              size="xs"
              c="blue"
              td="underline"
              style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
              onClick={save}
            >
              {t('common.retry')}
            </Text>
          </>
        )}
      </Group>
    </div>
  );
}
