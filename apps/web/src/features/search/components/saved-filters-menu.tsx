import {
  ActionIcon,
  Button,
  Group,
  Loader,
  Menu,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconBookmarkPlus, IconFilter, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '@/lib/api-client';
import { knownApiErrorMessage } from '@/lib/api-error-message';
import { useCreateSavedFilter, useDeleteSavedFilter, useSavedFilters } from '../api/saved-filters';
import type { SearchRoutes } from '../routes';
import type { SavedFilter, SavedFilterQuery } from '../types';

interface SavedFiltersMenuProps {
  routes: SearchRoutes;
  /** The search box's text, saved with the filter. */
  q: string;
  /** Puts a saved filter's search text back into the search box. */
  onApplyQuery: (q: string) => void;
}

/** What a saved filter narrows, in words: "Open · “refund”". */
function useDescribe() {
  const { t } = useTranslation();
  return (query: SavedFilterQuery) =>
    [
      query.tab ? t(`tabs.${query.tab}`) : null,
      query.tagIds?.length ? t('savedFilters.withTags', { count: query.tagIds.length }) : null,
      query.teamId ? t('savedFilters.withTeam') : null,
      query.inboxId ? t('savedFilters.withInbox') : null,
      query.q ? `“${query.q}”` : null,
    ]
      .filter(Boolean)
      .join(' · ');
}

/** Each agent's own named views of the list: save the current one, apply or delete any. */
export function SavedFiltersMenu({ routes, q, onApplyQuery }: SavedFiltersMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpened, setMenuOpened] = useState(false);
  const [saveOpened, saveModal] = useDisclosure(false);
  const filters = useSavedFilters(menuOpened);
  const remove = useDeleteSavedFilter();
  const describe = useDescribe();

  const current: SavedFilterQuery = {
    ...routes.currentFilter(location),
    ...(q.trim() ? { q: q.trim() } : {}),
  };

  const apply = (filter: SavedFilter) => {
    void navigate(routes.list(filter.query));
    onApplyQuery(filter.query.q ?? '');
  };

  return (
    <>
      <Menu
        opened={menuOpened}
        onChange={setMenuOpened}
        position="bottom-end"
        width={300}
        withinPortal
      >
        <Menu.Target>
          <Tooltip label={t('savedFilters.title')} withArrow disabled={menuOpened}>
            <ActionIcon
              variant="default"
              size="lg"
              radius="md"
              aria-label={t('savedFilters.title')}
              data-testid="saved-filters-button"
            >
              <IconFilter size={16} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown data-testid="saved-filters-menu">
          <Menu.Label>{t('savedFilters.title')}</Menu.Label>
          {filters.isPending ? (
            <Group justify="center" p="sm">
              <Loader size="sm" />
            </Group>
          ) : filters.isError ? (
            <Text size="sm" c="red" px="sm" py={6}>
              {t('savedFilters.loadFailed')}
            </Text>
          ) : filters.data.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" py={6} data-testid="saved-filters-empty">
              {t('savedFilters.empty')}
            </Text>
          ) : (
            filters.data.map((filter) => (
              <Menu.Item
                key={filter.id}
                leftSection={<IconBookmark size={14} />}
                onClick={() => apply(filter)}
                data-testid="saved-filter-item"
                data-name={filter.name}
                rightSection={
                  <Tooltip label={t('savedFilters.delete')} withArrow>
                    <ActionIcon
                      component="span"
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('savedFilters.deleteNamed', { name: filter.name })}
                      data-testid="saved-filter-delete"
                      onClick={(event) => {
                        event.stopPropagation();
                        remove.mutate(filter.id);
                      }}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Tooltip>
                }
              >
                <Text size="sm" truncate>
                  {filter.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {describe(filter.query)}
                </Text>
              </Menu.Item>
            ))
          )}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconBookmarkPlus size={14} />}
            onClick={saveModal.open}
            data-testid="saved-filter-save"
          >
            {t('savedFilters.saveCurrent')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SaveFilterModal
        opened={saveOpened}
        onClose={saveModal.close}
        query={current}
        description={describe(current)}
      />
    </>
  );
}

interface SaveFilterModalProps {
  opened: boolean;
  onClose: () => void;
  query: SavedFilterQuery;
  description: string;
}

function SaveFilterModal({ opened, onClose, query, description }: SaveFilterModalProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const create = useCreateSavedFilter();

  const close = () => {
    setName('');
    create.reset();
    onClose();
  };
  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate(
      { name: trimmed, query },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('savedFilters.saved', { name: trimmed }),
          });
          close();
        },
      },
    );
  };

  const error = create.isError
    ? isApiError(create.error) && create.error.status === 409
      ? t('savedFilters.duplicate')
      : knownApiErrorMessage(t, create.error) || create.error.message || t('errors.unexpected')
    : undefined;

  return (
    <Modal opened={opened} onClose={close} title={t('savedFilters.saveTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('savedFilters.saveBody')}
          </Text>
          <Text size="sm" fw={500} data-testid="saved-filter-summary">
            {description || t('savedFilters.everything')}
          </Text>
          <TextInput
            label={t('savedFilters.name')}
            placeholder={t('savedFilters.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={80}
            error={error}
            data-autofocus
            data-testid="saved-filter-name"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!name.trim()}
              data-testid="saved-filter-submit"
            >
              {t('savedFilters.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
