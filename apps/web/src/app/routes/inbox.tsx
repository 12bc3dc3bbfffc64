import { Button, Group, Skeleton, Stack } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconKeyboard, IconMessageCircleSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { useCurrentUser } from '@/features/auth';
import {
  ConversationFiltersBar,
  ConversationHeader,
  ConversationInfoPanel,
  KeyboardShortcutsModal,
  ConversationList,
  ConversationTabs,
  invalidateConversationQueries,
  useConversation,
  useMarkReadWhenOpen,
  useConversationCounts,
  useListKeyboard,
  useReplyBlockReason,
  type Conversation,
  type ConversationFilters,
  type ConversationTab,
} from '@/features/conversations';
import { MessageThread, ReplyBox, VisitorTyping } from '@/features/messages';
import { MessageFocus } from '@/features/search';
import {
  SupervisorActions,
  SupervisorModeBar,
  useSupervision,
  type Supervision,
} from '@/features/supervision';
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

/** The query-string names of the list filters (saved filters link to them, see search-routes). */
const FILTER_PARAMS = { view: 'view', tagId: 'tag', teamId: 'team', inboxId: 'inbox' } as const;

/** The list's query string: its filters, plus what else the inbox keeps (supervisor mode). */
function filtersToSearch(filters: ConversationFilters, keep: Record<string, string> = {}): string {
  const params = new URLSearchParams(keep);
  for (const [field, param] of Object.entries(FILTER_PARAMS)) {
    const value = filters[field as keyof ConversationFilters];
    if (value) params.set(param, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/**
 * List filters live in the URL (`?view=needs_help&tag=…`), so a reload or a saved filter keeps
 * them. Other parameters (a search result's message) stay with the page they were meant for.
 */
const VIEWS = ['needs_help', 'hidden'] as const;

function useListFilters(keep: Record<string, string>) {
  const [params, setParams] = useSearchParams();
  const filters: ConversationFilters = {
    view: VIEWS.find((view) => view === params.get(FILTER_PARAMS.view)),
    tagId: params.get(FILTER_PARAMS.tagId) ?? undefined,
    teamId: params.get(FILTER_PARAMS.teamId) ?? undefined,
    inboxId: params.get(FILTER_PARAMS.inboxId) ?? undefined,
  };
  const setFilters = (next: ConversationFilters) =>
    setParams(new URLSearchParams(filtersToSearch(next, keep)), { replace: true });
  return { filters, setFilters, suffix: filtersToSearch(filters, keep) };
}

function useInboxTitle(supervision: Supervision) {
  const { t } = useTranslation();
  const waiting = useConversationCounts(supervision.scope).data?.waiting ?? 0;
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
  const [shortcutsOpened, shortcuts] = useDisclosure(false);
  const supervision = useSupervision();
  const listed = useListFilters(supervision.params);
  const { setFilters, suffix } = listed;
  // What an agent hid is their own housekeeping: looking at their inbox, it is not offered.
  const filters =
    supervision.agentId && listed.filters.view === 'hidden'
      ? { ...listed.filters, view: undefined }
      : listed.filters;
  useListKeyboard({ listRef, replyInputRef, onHelp: shortcuts.open });
  useInboxTitle(supervision);

  return (
    <div className={classes.root} data-has-selection={conversationId !== undefined}>
      <section className={classes.listPane} aria-label={t('conversationList.label')}>
        <SupervisorModeBar supervision={supervision} />
        <ConversationTabs
          value={tab}
          scope={supervision.scope}
          onChange={(next) =>
            // The needs-help view spans tabs; picking a tab leaves it, the tag filter stays.
            void navigate(
              paths.inbox(next, conversationId) +
                filtersToSearch({ ...filters, view: undefined }, supervision.params),
            )
          }
        />
        <ConversationFiltersBar
          value={filters}
          onChange={setFilters}
          offerHidden={!supervision.agentId}
        />
        <ConversationList
          tab={tab}
          filters={filters}
          scope={supervision.scope}
          showHolder={supervision.on}
          selectedId={conversationId}
          hrefFor={(id) => paths.inbox(tab, id) + suffix}
          listRef={listRef}
        />
      </section>
      {conversationId ? (
        <ConversationPane
          key={conversationId}
          tab={tab}
          conversationId={conversationId}
          replyInputRef={replyInputRef}
          listSuffix={suffix}
          supervisionSuffix={filtersToSearch({}, supervision.params)}
        />
      ) : (
        <section className={classes.threadPane}>
          <EmptyState
            icon={<IconMessageCircleSearch size={28} />}
            title={t('thread.selectTitle')}
            description={t('thread.selectBody')}
            action={
              <Stack gap={4} align="center" mt="md" visibleFrom="sm">
                <Group gap={6} c="dimmed">
                  <IconKeyboard size={16} />
                  <span style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
                    {t('thread.shortcuts')}
                  </span>
                </Group>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  onClick={shortcuts.open}
                  data-testid="shortcuts-open"
                >
                  {t('workflow.shortcuts.open')}
                </Button>
              </Stack>
            }
          />
        </section>
      )}
      <KeyboardShortcutsModal opened={shortcutsOpened} onClose={shortcuts.close} />
    </div>
  );
}

interface ConversationPaneProps {
  tab: ConversationTab;
  conversationId: string;
  replyInputRef: RefObject<HTMLTextAreaElement | null>;
  /** The list's filters (`?view=…&tag=…`), kept when leaving the conversation. */
  listSuffix: string;
  /** Supervisor mode (`?mode=supervisor…`), kept when the conversation moves to another tab. */
  supervisionSuffix: string;
}

function ConversationPane({
  tab,
  conversationId,
  replyInputRef,
  listSuffix,
  supervisionSuffix,
}: ConversationPaneProps) {
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
          onBack={() => void navigate(paths.inbox(tab) + listSuffix)}
          onOpened={() => void navigate(paths.inbox('open', conversationId) + supervisionSuffix)}
          onLeave={() => void navigate(paths.inbox(tab) + listSuffix)}
          extraActions={<SupervisorActions conversation={conversation} />}
        />
        <MessageThread conversationId={conversationId} inboxKind={conversation.inbox.kind} />
        {conversation.inbox.kind === 'webchat' && (
          <VisitorTyping
            conversationId={conversationId}
            name={conversation.contact.name?.trim() || t('webchat.theCustomer')}
          />
        )}
        <MessageFocus conversationId={conversationId} />
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
  const blockReason = useReplyBlockReason(conversation, user);
  // A reply changes the list preview, the phase and maybe the tab counts; a refused one
  // means the window closed, which the refreshed conversation will show.
  const refresh = () => void invalidateConversationQueries(queryClient, [conversation.id]);
  // Replies go back the way the customer last wrote (a web chat customer who answered by email
  // gets email), and follow a visitor who left the chat.
  const reply = conversation.replyChannel ?? null;
  return (
    <ReplyBox
      conversationId={conversation.id}
      inboxId={reply?.inboxId ?? conversation.inboxId}
      channel={reply?.kind ?? conversation.inbox.kind}
      to={reply && reply.inboxId !== conversation.inboxId ? reply.to : null}
      visitorAway={Boolean(conversation.visitorAwaySince) && conversation.status !== 'closed'}
      serviceWindow={conversation.window}
      contactName={conversation.contact.name}
      disabledReason={blockReason}
      inputRef={replyInputRef}
      onSent={refresh}
      onWindowClosed={refresh}
    />
  );
}
