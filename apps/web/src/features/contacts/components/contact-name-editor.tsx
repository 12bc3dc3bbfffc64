import { ActionIcon, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateContact } from '../api/update-contact';
import type { Contact } from '../types';

/** The contact's name; a click on the pencil edits it in place (Enter saves, Esc cancels). */
export function ContactNameEditor({ contact, fallback }: { contact: Contact; fallback: string }) {
  const { t } = useTranslation();
  const update = useUpdateContact(contact.id);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');

  const start = () => {
    setValue(contact.name ?? '');
    update.reset();
    setEditing(true);
  };
  const commit = () => {
    const name = value.trim();
    if (name === (contact.name ?? '')) {
      setEditing(false);
      return;
    }
    update.mutate({ name: name === '' ? null : name }, { onSuccess: () => setEditing(false) });
  };

  if (editing) {
    return (
      <TextInput
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            event.stopPropagation();
            setEditing(false);
          }
        }}
        onBlur={commit}
        placeholder={fallback}
        aria-label={t('contact.name')}
        maxLength={200}
        size="sm"
        w="100%"
        autoFocus
        disabled={update.isPending}
        error={update.isError ? t('contact.saveFailed') : undefined}
        data-testid="contact-name-input"
      />
    );
  }

  return (
    <Group gap={4} wrap="nowrap" justify="center" maw="100%">
      <Text fw={600} ta="center" truncate data-testid="contact-name">
        {contact.name?.trim() || fallback}
      </Text>
      <Tooltip label={t('contact.editName')} withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={start}
          aria-label={t('contact.editName')}
          data-testid="contact-name-edit"
        >
          <IconPencil size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
