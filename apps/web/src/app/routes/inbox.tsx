import { Group, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconKeyboard, IconMessageCircleSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { useCurrentUser } from '@/features/auth';
import {
  ConversationHeader,
  ConversationInfoPanel,
  ConversationList,
  ConversationTabs,
  invalidateConversationQueries,
  useConversation,
  useMarkReadWhenOpen,
  useConversationCounts,
  useListKeyboard,
  useReplyBlockReason,
  type Conversation,
  type ConversationTab,
} from '@/features/conversations';
import { MessageThread, ReplyBox } from '@/features/messages';
import { isApiError } from '@/lib/api-client';
import { CONVERSATION_STATUSES } from '@/types/vocabulary';
import { paths } from '../paths';
import classes from './inbox.module.css';

function parseTab(value: string | undefined): ConversationTab | null {
  return CONVERSATION_STATUSES.find((status) => status === value) ?? null;
}

export function InboxRoute() {
  const params = useParams();
  const tab = parseTab(params.tab);
  if (!tab) return <Navigate to={paths.inbox('open')} replace />;
  return <InboxScreen tab={tab} conversationId={params.conversationId} />;
}

function useInboxTitle() {
  const { t } = useTranslation();
  const waiting = useConversationCounts().data?.waiting ?? 0;
  // The browser tab shows the queue, so agents notice new customers from another window.
  useDocumentTitle(waiting > 0 ? `(${waiting}) ${t('app.name')}` : t('app.name'));
}

interface InboxScreenProps {
  tab: ConversationTab;
  conversationId: string | undefined;
}

function InboxScreen({ tab, conversationId }: InboxScreenProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listRef = useRef<HTMLElement>(null);
  const replyInputRef = useRef<HTMLTextAreaElement>(null);
  useListKeyboard({ listRef, replyInputRef });
  useInboxTitle();

  return (
    <div className={classes.root} data-has-selection={conversationId !== undefined}>
      <section className={classes.listPane} aria-label={t('conversationList.label')}>
        <ConversationTabs
          value={tab}
          onChange={(next) => void navigate(paths.inbox(next, conversationId))}
        />
        <ConversationList
          tab={tab}
          selectedId={conversationId}
          hrefFor={(id) => paths.inbox(tab, id)}
          listRef={listRef}
        />
      </section>
      {conversationId ? (
        <ConversationPane
          key={conversationId}
          tab={tab}
          conversationId={conversationId}
          replyInputRef={replyInputRef}
        />
      ) : (
        <section className={classes.threadPane}>
          <EmptyState
            icon={<IconMessageCircleSearch size={28} />}
            title={t('thread.selectTitle')}
            description={t('thread.selectBody')}
            action={
              <Group gap={6} c="dimmed" mt="md" visibleFrom="sm">
                <IconKeyboard size={16} />
                <span style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
                  {t('thread.shortcuts')}
                </span>
              </Group>
            }
          />
        </section>
      )}
    </div>
  );
}

interface ConversationPaneProps {
  tab: ConversationTab;
  conversationId: string;
  replyInputRef: RefObject<HTMLTextAreaElement | null>;
}

function ConversationPane({ tab, conversationId, replyInputRef }: ConversationPaneProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useConversation(conversationId);
  const conversation = query.data;

  if (!conversation) {
    const missing = isApiError(query.error) && [403, 404].includes(query.error.status);
    return (
      <section className={classes.threadPane} data-testid="thread-pane">
        {query.isError ? (
          <EmptyState
            icon={<IconMessageCircleSearch size={28} />}
            title={missing ? t('thread.notFoundTitle') : t('errors.title')}
            description={missing ? t('thread.notFoundBody') : t('errors.loadFailed')}
          />
        ) : (
          <Stack p="md" gap="sm" aria-busy>
            <Skeleton height={20} width="40%" />
            <Skeleton height={12} width="25%" />
          </Stack>
        )}
      </section>
    );
  }

  return (
    <>
      <section className={classes.threadPane} data-testid="thread-pane">
        <ConversationHeader
          conversation={conversation}
          onBack={() => void navigate(paths.inbox(tab))}
          onOpened={() => void navigate(paths.inbox('open', conversationId))}
        />
        <MessageThread conversationId={conversationId} />
        <ConversationComposer conversation={conversation} replyInputRef={replyInputRef} />
      </section>
      <aside className={classes.infoPane} aria-label={t('info.title')}>
        <ConversationInfoPanel
          conversation={conversation}
          hrefFor={(other) => paths.inbox(other.status, other.id)}
        />
      </aside>
    </>
  );
}

interface ConversationComposerProps {
  conversation: Conversation;
  replyInputRef: RefObject<HTMLTextAreaElement | null>;
}

function ConversationComposer({ conversation, replyInputRef }: ConversationComposerProps) {
  const user = useCurrentUser();
  useMarkReadWhenOpen(conversation);
  const queryClient = useQueryClient();
  const blockReason = useReplyBlockReason(conversation, user.id);
  // A reply changes the list preview, the phase and maybe the tab counts; a refused one
  // means the window closed, which the refreshed conversation will show.
  const refresh = () => void invalidateConversationQueries(queryClient, [conversation.id]);
  return (
    <ReplyBox
      conversationId={conversation.id}
      inboxId={conversation.inboxId}
      channel={conversation.inbox.kind}
      serviceWindow={conversation.window}
      contactName={conversation.contact.name}
      disabledReason={blockReason}
      inputRef={replyInputRef}
      onSent={refresh}
      onWindowClosed={refresh}
    />
  );
}
