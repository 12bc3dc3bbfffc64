import {
  Avatar,
  Badge,
  CloseButton,
  Group,
  Kbd,
  Loader,
  Popover,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLock, IconMessageSearch, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { RelativeTime } from '@/components/ui/relative-time';
import {
  ConversationStatusBadge,
  contactConversationsQueryOptions,
  contactName,
  conversationQueryOptions,
  type Conversation,
} from '@/features/conversations';
import { ChannelIcon } from '@/features/inboxes';
import { MIN_QUERY_LENGTH, useSearch } from '../api/search';
import type { SearchRoutes } from '../routes';
import type { ContactHit, MessageHit } from '../types';
import { HighlightedSnippet } from './highlighted-snippet';
import classes from './search-box.module.css';

const DEBOUNCE_MS = 250;
const PER_GROUP = 5;

type ResultItem =
  | { kind: 'message'; key: string; hit: MessageHit }
  | { kind: 'contact'; key: string; hit: ContactHit }
  | { kind: 'conversation'; key: string; hit: Conversation };

interface SearchBoxProps {
  routes: SearchRoutes;
  value: string;
  onChange: (value: string) => void;
}

/** The header's search: messages, contacts and conversations, as you type, by keyboard. */
export function SearchBox({ routes, value, onChange }: SearchBoxProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const listId = useId();
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [chosen, setActive] = useState(0);
  const [opening, setOpening] = useState(false);
  const [debounced] = useDebouncedValue(value.trim(), DEBOUNCE_MS);
  const query = useSearch(debounced);
  const localInput = useRef<HTMLInputElement>(null);

  const items = useMemo<ResultItem[]>(() => {
    const data = query.data;
    if (!data) return [];
    return [
      ...data.messages.slice(0, PER_GROUP).map((hit) => ({
        kind: 'message' as const,
        key: `m:${hit.messageId}`,
        hit,
      })),
      ...data.contacts.slice(0, PER_GROUP).map((hit) => ({
        kind: 'contact' as const,
        key: `c:${hit.id}`,
        hit,
      })),
      ...data.conversations.slice(0, PER_GROUP).map((hit) => ({
        kind: 'conversation' as const,
        key: `v:${hit.id}`,
        hit,
      })),
    ];
  }, [query.data]);

  // Typing resets the choice to the first result; fewer results than before clamp it.
  const active = Math.min(chosen, Math.max(items.length - 1, 0));
  const long = value.trim().length >= MIN_QUERY_LENGTH;
  const opened = focused && !dismissed && value.trim().length > 0;
  const settled = debounced === value.trim() && !query.isFetching;

  const close = () => {
    setDismissed(true);
    localInput.current?.blur();
  };

  const open = async (item: ResultItem) => {
    setOpening(true);
    try {
      if (item.kind === 'conversation') {
        await navigate(routes.conversation(item.hit));
      } else if (item.kind === 'message') {
        const conversation = await queryClient.fetchQuery(
          conversationQueryOptions(item.hit.conversationId),
        );
        await navigate(routes.conversation(conversation, item.hit.messageId));
      } else {
        // Conversations come newest first: the latest is where the customer is now.
        const history = await queryClient.fetchQuery(contactConversationsQueryOptions(item.hit.id));
        const latest = history.items[0];
        if (!latest) {
          notifications.show({ message: t('search.noConversations') });
          return;
        }
        await navigate(routes.conversation(latest));
      }
      close();
    } catch {
      notifications.show({ color: 'red', message: t('search.openFailed') });
    } finally {
      setOpening(false);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (opened) setDismissed(true);
      else localInput.current?.blur();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setDismissed(false);
      if (items.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + items.length) % items.length);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[active];
      if (item && opened) void open(item);
    }
  };

  const groups: { kind: ResultItem['kind']; label: string }[] = [
    { kind: 'message', label: t('search.messages') },
    { kind: 'contact', label: t('search.contacts') },
    { kind: 'conversation', label: t('search.conversations') },
  ];

  let body: ReactNode;
  if (!long) {
    body = (
      <Text size="sm" c="dimmed" p="sm" data-testid="search-hint">
        {t('search.keepTyping', { count: MIN_QUERY_LENGTH })}
      </Text>
    );
  } else if (query.isError && !query.data) {
    body = (
      <Group gap="xs" p="sm" c="red" data-testid="search-error">
        <IconAlertCircle size={16} />
        <Text size="sm">{t('search.failed')}</Text>
      </Group>
    );
  } else if (!query.data) {
    body = (
      <Group gap="xs" p="sm" c="dimmed">
        <Loader size={14} />
        <Text size="sm">{t('search.searching')}</Text>
      </Group>
    );
  } else if (items.length === 0) {
    body = settled ? (
      <Group gap="xs" p="sm" c="dimmed" wrap="nowrap" data-testid="search-empty">
        <IconMessageSearch size={18} />
        <Text size="sm">{t('search.noResults', { q: debounced })}</Text>
      </Group>
    ) : (
      <Group gap="xs" p="sm" c="dimmed">
        <Loader size={14} />
        <Text size="sm">{t('search.searching')}</Text>
      </Group>
    );
  } else {
    body = (
      <div role="listbox" id={listId} aria-label={t('search.results')}>
        {groups.map((group) => {
          const members = items.filter((item) => item.kind === group.kind);
          if (members.length === 0) return null;
          return (
            <div key={group.kind} role="group" aria-label={group.label}>
              <div className={classes.group}>{group.label}</div>
              {members.map((item) => {
                const index = items.indexOf(item);
                return (
                  <UnstyledButton
                    key={item.key}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className={classes.item}
                    data-active={index === active}
                    data-testid="search-result"
                    data-kind={item.kind}
                    tabIndex={-1}
                    // Keep the focus in the input, so the keyboard keeps working.
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => void open(item)}
                  >
                    <ResultRow item={item} q={debounced} />
                  </UnstyledButton>
                );
              })}
            </div>
          );
        })}
        <div className={classes.footer} aria-hidden>
          <span>
            <Kbd className={classes.kbd}>↑</Kbd> <Kbd className={classes.kbd}>↓</Kbd>{' '}
            {t('search.navigate')}
          </span>
          <span>
            <Kbd className={classes.kbd}>Enter</Kbd> {t('search.open')}
          </span>
          <span>
            <Kbd className={classes.kbd}>Esc</Kbd> {t('common.close')}
          </span>
        </div>
      </div>
    );
  }

  return (
    <Popover
      opened={opened}
      position="bottom-start"
      width="target"
      shadow="md"
      offset={6}
      withinPortal
      trapFocus={false}
      returnFocus={false}
    >
      <Popover.Target>
        <TextInput
          ref={localInput}
          className={classes.input}
          value={value}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            setDismissed(false);
            setActive(0);
          }}
          onFocus={() => {
            setFocused(true);
            setDismissed(false);
          }}
          onBlur={() => setFocused(false)}
          onKeyDown={onKeyDown}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          role="combobox"
          aria-expanded={opened}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={opened && items.length > 0 ? `${listId}-${active}` : undefined}
          leftSection={
            opening || (query.isFetching && long) ? <Loader size={14} /> : <IconSearch size={16} />
          }
          rightSection={
            value ? (
              <CloseButton
                size="sm"
                aria-label={t('search.clear')}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onChange('')}
                data-testid="search-clear"
              />
            ) : (
              <Kbd size="xs" visibleFrom="sm">
                /
              </Kbd>
            )
          }
          radius="md"
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
        />
      </Popover.Target>
      <Popover.Dropdown className={classes.dropdown} data-testid="search-results">
        {body}
      </Popover.Dropdown>
    </Popover>
  );
}

function ResultRow({ item, q }: { item: ResultItem; q: string }) {
  const { t } = useTranslation();
  if (item.kind === 'message') {
    const { hit } = item;
    return (
      <div style={{ flex: 1, minWidth: 0 }} data-message-id={hit.messageId}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate>
              {hit.contactName ?? t('conversationList.unknownContact')}
            </Text>
            {hit.kind === 'note' && (
              <Badge size="xs" color="yellow" variant="light" leftSection={<IconLock size={10} />}>
                {t('thread.privateNote')}
              </Badge>
            )}
          </Group>
          <RelativeTime value={hit.occurredAt} size="xs" c="dimmed" />
        </Group>
        <HighlightedSnippet snippet={hit.snippet} highlights={hit.highlights} q={q} />
        <span className={`${classes.meta} ${classes.reference}`}>{hit.reference}</span>
      </div>
    );
  }
  if (item.kind === 'contact') {
    const { hit } = item;
    return (
      <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
        <Avatar name={hit.name ?? undefined} color="initials" size="sm" radius="xl" />
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate data-testid="search-contact-name">
            {hit.name?.trim() || hit.identities[0]?.address || t('conversationList.unknownContact')}
          </Text>
          <Text className={classes.meta} truncate>
            {hit.identities.map((identity) => identity.address).join(' · ')}
          </Text>
        </div>
      </Group>
    );
  }
  const { hit } = item;
  return (
    <Group gap="sm" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
      <ChannelIcon kind={hit.inbox.kind} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {contactName(hit.contact) ?? t('conversationList.unknownContact')}
        </Text>
        <span className={`${classes.meta} ${classes.reference}`}>{hit.reference}</span>
      </div>
      <ConversationStatusBadge conversation={hit} size="xs" testId="search-conversation-status" />
    </Group>
  );
}
