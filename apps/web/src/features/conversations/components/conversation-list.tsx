import { Center, Loader, ScrollArea, Text } from '@mantine/core';
import { useIntersection } from '@mantine/hooks';
import {
  IconArchive,
  IconCircleCheck,
  IconEyeOff,
  IconInbox,
  IconLifebuoy,
  IconTagOff,
} from '@tabler/icons-react';
import { useEffect, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { useConversations, type ConversationScope } from '../api/get-conversations';
import type { ConversationFilters, ConversationTab } from '../types';
import { ConversationListItem } from './conversation-list-item';
import { ConversationListSkeleton } from './conversation-list-skeleton';
import { HiddenConversationItem } from './hidden-conversation-item';

const EMPTY_ICONS: Record<ConversationTab, ReactNode> = {
  open: <IconInbox size={28} />,
  waiting: <IconCircleCheck size={28} />,
  closed: <IconArchive size={28} />,
};

interface ConversationListProps {
  tab: ConversationTab;
  selectedId: string | undefined;
  hrefFor: (conversationId: string) => string;
  listRef?: Ref<HTMLElement>;
  filters?: ConversationFilters;
  /** Whose inbox to list (supervisor mode); my own by default. */
  scope?: ConversationScope;
  /** Say who holds each conversation (supervisor mode, where they are not all mine). */
  showHolder?: boolean;
}

export function ConversationList({
  tab,
  selectedId,
  hrefFor,
  listRef,
  filters = {},
  scope,
  showHolder = false,
}: ConversationListProps) {
  const { t } = useTranslation();
  const query = useConversations(tab, filters, scope);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  // Fetch the next page a little before the agent reaches the end of the list.
  const { ref: sentinelRef, entry } = useIntersection({ rootMargin: '0px 0px 300px 0px' });
  const sentinelVisible = entry?.isIntersecting ?? false;
  useEffect(() => {
    if (sentinelVisible && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [sentinelVisible, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const conversations = query.data?.pages.flatMap((page) => page.items) ?? [];

  let content: ReactNode;
  if (query.isPending) {
    content = <ConversationListSkeleton />;
  } else if (query.isError && !query.data) {
    content = <ErrorState onRetry={() => void query.refetch()} />;
  } else if (conversations.length === 0 && filters.view === 'needs_help') {
    content = (
      <EmptyState
        icon={<IconLifebuoy size={28} />}
        color="teal"
        title={t('workflow.list.needsHelpEmptyTitle')}
        description={t('workflow.list.needsHelpEmptyBody')}
      />
    );
  } else if (conversations.length === 0 && filters.view === 'hidden') {
    content = (
      <EmptyState
        icon={<IconEyeOff size={28} />}
        title={t('workflow.list.hiddenEmptyTitle')}
        description={t('workflow.list.hiddenEmptyBody')}
      />
    );
  } else if (conversations.length === 0 && filters.tagId) {
    content = (
      <EmptyState
        icon={<IconTagOff size={28} />}
        title={t('workflow.list.filteredEmptyTitle')}
        description={t('workflow.list.filteredEmptyBody')}
      />
    );
  } else if (conversations.length === 0) {
    content = (
      <EmptyState
        icon={EMPTY_ICONS[tab]}
        color={tab === 'waiting' ? 'teal' : 'gray'}
        title={t(`conversationList.empty.${tab}.title`)}
        description={t(`conversationList.empty.${tab}.body`)}
      />
    );
  } else {
    content = (
      <>
        {conversations.map((conversation) =>
          filters.view === 'hidden' ? (
            <HiddenConversationItem
              key={conversation.id}
              conversation={conversation}
              href={hrefFor(conversation.id)}
              selected={conversation.id === selectedId}
            />
          ) : (
            <ConversationListItem
              key={conversation.id}
              conversation={conversation}
              href={hrefFor(conversation.id)}
              selected={conversation.id === selectedId}
              showHolder={showHolder}
            />
          ),
        )}
        <Center ref={sentinelRef} py="sm" mih={40}>
          {isFetchingNextPage ? (
            <Loader size="xs" type="dots" aria-label={t('conversationList.loadingMore')} />
          ) : (
            !hasNextPage &&
            conversations.length > 10 && (
              <Text size="xs" c="dimmed">
                {t('conversationList.end')}
              </Text>
            )
          )}
        </Center>
      </>
    );
  }

  return (
    <ScrollArea style={{ flex: 1 }} type="hover" scrollbarSize={8}>
      <nav
        ref={listRef}
        aria-label={t('conversationList.label')}
        data-testid="conversation-list"
        data-view={filters.view ?? tab}
      >
        {content}
      </nav>
    </ScrollArea>
  );
}
