import {
  Alert,
  Avatar,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_QUERY_LENGTH, useSearch, type ContactHit } from '@/features/search';
import { knownApiErrorMessage } from '@/lib/api-error-message';
import { useMergeContact } from '../api/merge-contact';
import type { Contact } from '../types';
import classes from './merge-contact-modal.module.css';

interface MergeContactModalProps {
  contact: Contact;
  displayName: string;
  opened: boolean;
  onClose: () => void;
}

function hitName(hit: ContactHit, fallback: string) {
  return hit.name?.trim() || hit.identities[0]?.address || fallback;
}

/** Staff only: finds a duplicate of this contact and moves everything of it here. */
export function MergeContactModal({
  contact,
  displayName,
  opened,
  onClose,
}: MergeContactModalProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [chosen, setChosen] = useState<ContactHit | null>(null);
  const search = useSearch(opened ? debounced : '');
  const merge = useMergeContact(contact.id);
  const unknown = t('conversationList.unknownContact');

  const close = () => {
    setQ('');
    setChosen(null);
    merge.reset();
    onClose();
  };

  const candidates = (search.data?.contacts ?? []).filter((hit) => hit.id !== contact.id);
  const searching = debounced.trim().length >= MIN_QUERY_LENGTH;

  const confirm = (other: ContactHit) =>
    merge.mutate(other.id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('merge.done', { other: hitName(other, unknown), name: displayName }),
        });
        close();
      },
    });

  return (
    <Modal opened={opened} onClose={close} title={t('merge.title')} centered size="md">
      {chosen ? (
        <Stack gap="md" data-testid="merge-confirm">
          <Group gap="sm" justify="center" wrap="nowrap">
            <Text fw={600} truncate>
              {hitName(chosen, unknown)}
            </Text>
            <IconArrowRight size={16} style={{ flexShrink: 0 }} />
            <Text fw={600} truncate>
              {displayName}
            </Text>
          </Group>
          <Text size="sm">
            {t('merge.willMove', { other: hitName(chosen, unknown), name: displayName })}
          </Text>
          <List size="sm" spacing={4}>
            {chosen.identities.map((identity) => (
              <List.Item key={`${identity.kind}:${identity.address}`}>
                {identity.address}{' '}
                <Text span size="xs" c="dimmed">
                  ({t(`identity.${identity.kind}`, { defaultValue: identity.kind })})
                </Text>
              </List.Item>
            ))}
            <List.Item>{t('merge.conversations')}</List.Item>
          </List>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />}>
            {t('merge.irreversible', { other: hitName(chosen, unknown) })}
          </Alert>
          {merge.isError && (
            <Text size="sm" c="red">
              {knownApiErrorMessage(t, merge.error) ||
                merge.error.message ||
                t('errors.unexpected')}
            </Text>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setChosen(null)}>
              {t('common.back')}
            </Button>
            <Button
              color="orange"
              loading={merge.isPending}
              onClick={() => confirm(chosen)}
              data-testid="merge-submit"
            >
              {t('merge.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('merge.description', { name: displayName })}
          </Text>
          <TextInput
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            placeholder={t('merge.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            rightSection={search.isFetching ? <Loader size={14} /> : null}
            data-autofocus
            data-testid="merge-search"
          />
          <Stack gap={2} mih={120}>
            {!searching ? (
              <Text size="sm" c="dimmed" ta="center" py="lg">
                {t('merge.typeToSearch')}
              </Text>
            ) : search.isError ? (
              <Text size="sm" c="red" ta="center" py="lg">
                {t('search.failed')}
              </Text>
            ) : search.data && candidates.length === 0 ? (
              <Text size="sm" c="dimmed" ta="center" py="lg">
                {t('merge.noMatches')}
              </Text>
            ) : (
              candidates.map((hit) => (
                <UnstyledButton
                  key={hit.id}
                  className={classes.candidate}
                  onClick={() => setChosen(hit)}
                  data-testid="merge-candidate"
                >
                  <Group gap="sm" wrap="nowrap">
                    <Avatar name={hit.name ?? undefined} color="initials" size="sm" radius="xl" />
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>
                        {hitName(hit, unknown)}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {hit.identities.map((identity) => identity.address).join(' · ')}
                      </Text>
                    </div>
                  </Group>
                </UnstyledButton>
              ))
            )}
          </Stack>
        </Stack>
      )}
    </Modal>
  );
}
