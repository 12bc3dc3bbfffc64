import { notifications } from '@mantine/notifications';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '@/features/auth';
import {
  contactName,
  conversationListKeys,
  conversationQueryOptions,
  type Conversation,
} from '@/features/conversations';
import { subscribeToHints } from '@/lib/hint-bus';
import { desktopPermission, playChime } from '../api/alert-settings';

interface Seen {
  status: Conversation['status'];
  assigneeId: string | null;
  unreadCount: number;
}

type Alert = 'newWaiting' | 'newMessage' | 'assignedToYou';

const SETTLE_MS = 400;
/** New waiting conversations this close together share one toast ("5 new conversations…"). */
const BURST_MS = 6000;
const BURST_ID = 'newWaiting-burst';

function seen(conversation: Conversation): Seen {
  return {
    status: conversation.status,
    assigneeId: conversation.assignee?.id ?? null,
    unreadCount: conversation.unreadCount,
  };
}

/** The conversation open in this tab right now, with the tab in front: no alert needed. */
function onScreen(conversationId: string): boolean {
  return (
    document.visibilityState === 'visible' &&
    decodeURIComponent(window.location.pathname).split('/').includes(conversationId)
  );
}

/**
 * Sound, a desktop notification (when the tab is in the background) or a toast for what needs
 * me: a new conversation waiting in my teams, a customer message in my Open conversations, a
 * conversation handed to me. Driven by realtime hints: each named conversation is fetched
 * (the API decides what I may see) and compared with what this tab knew before, so my own
 * actions (they change the conversation on my screen, or take it away from me) stay quiet.
 */
export function useWorkflowAlerts(pathFor: (conversation: Conversation) => string) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The latest values for the long-lived hint listener, without re-subscribing.
  const latest = useRef({ t, user, pathFor, navigate });
  useEffect(() => {
    latest.current = { t, user, pathFor, navigate };
  });

  useEffect(() => {
    const known = new Map<string, Seen>();
    const pending = new Map<string, string>();
    let timer: number | undefined;

    const fromLists = (conversationId: string): Seen | undefined => {
      const lists = queryClient.getQueriesData<InfiniteData<{ items: Conversation[] }>>({
        queryKey: conversationListKeys.all,
      });
      for (const [, data] of lists) {
        for (const page of data?.pages ?? []) {
          const match = page.items.find((item) => item.id === conversationId);
          if (match) return seen(match);
        }
      }
      const detail = queryClient.getQueryData<Conversation>(
        conversationQueryOptions(conversationId).queryKey,
      );
      return detail ? seen(detail) : undefined;
    };

    const decide = (before: Seen | undefined, now: Conversation, hintType: string) => {
      const me = latest.current.user.id;
      const wasMine = before?.status === 'open' && before.assigneeId === me;
      if (now.status === 'waiting') {
        // Mine a moment ago: I put it on hold or transferred it.
        if (wasMine || before?.status === 'waiting') return null;
        return 'newWaiting' satisfies Alert;
      }
      if (now.status === 'open' && now.assignee?.id === me) {
        // Transferred, assigned or routed to me (my own accept happens on screen).
        if (!wasMine) return 'assignedToYou' satisfies Alert;
        if (hintType === 'message.created' && now.unreadCount > (before?.unreadCount ?? 0)) {
          return 'newMessage' satisfies Alert;
        }
      }
      return null;
    };

    const announce = (alert: Alert, conversation: Conversation) => {
      const { t: translate, pathFor: path, navigate: go } = latest.current;
      const name = contactName(conversation.contact) ?? conversation.reference;
      const title =
        alert === 'newWaiting'
          ? translate('workflow.notifications.newWaiting')
          : alert === 'newMessage'
            ? translate('workflow.notifications.newMessage', { name })
            : translate('workflow.notifications.assignedToYou');
      const body =
        alert === 'newWaiting'
          ? translate('workflow.notifications.newWaitingBody', { name })
          : (conversation.lastMessagePreview ?? conversation.reference);
      const open = () => void go(path(conversation));
      playChime();
      if (document.visibilityState === 'hidden' && desktopPermission() === 'granted') {
        const desktop = new Notification(title, { body, tag: `${alert}-${conversation.id}` });
        desktop.onclick = () => {
          window.focus();
          open();
          desktop.close();
        };
        return;
      }
      notifications.show({
        id: `${alert}-${conversation.id}`,
        title,
        message: body,
        color: alert === 'newWaiting' ? 'orange' : 'blue',
        autoClose: 6000,
        onClick: open,
        style: { cursor: 'pointer' },
      });
    };

    // The waiting conversations announced lately, so a burst of them makes one toast.
    let burst: { count: number; first: Conversation; until: number } | null = null;

    const announceWaiting = (arrivals: Conversation[]) => {
      const [next] = arrivals;
      if (!next) return;
      const now = Date.now();
      const active = burst && burst.until > now ? burst : null;
      if (!active && arrivals.length === 1) {
        announce('newWaiting', next);
        burst = { count: 1, first: next, until: now + BURST_MS };
        return;
      }
      const first = active?.first ?? next;
      const count = (active?.count ?? 0) + arrivals.length;
      burst = { count, first, until: now + BURST_MS };
      // The single toast of the burst's first conversation gives way to the summary.
      if (active?.count === 1) notifications.hide(`newWaiting-${first.id}`);
      const { t: translate, pathFor: path, navigate: go } = latest.current;
      const title = translate('workflow.notifications.newWaitingBurst', { count });
      const body = translate('workflow.notifications.newWaitingBurstBody');
      const open = () => void go(path(first));
      playChime();
      if (document.visibilityState === 'hidden' && desktopPermission() === 'granted') {
        // Same tag: the browser replaces the previous summary instead of adding one.
        const desktop = new Notification(title, { body, tag: BURST_ID });
        desktop.onclick = () => {
          window.focus();
          open();
          desktop.close();
        };
        return;
      }
      const toast = {
        id: BURST_ID,
        title,
        message: body,
        color: 'orange',
        autoClose: BURST_MS,
        onClick: open,
        style: { cursor: 'pointer' },
      };
      // Update the summary if it is still up, show it otherwise (show ignores a known id).
      notifications.update(toast);
      notifications.show(toast);
    };

    const flush = async () => {
      timer = undefined;
      const batch = [...pending];
      pending.clear();
      const waiting: Conversation[] = [];
      for (const [conversationId, hintType] of batch.slice(0, 10)) {
        const before = known.get(conversationId) ?? fromLists(conversationId);
        let now: Conversation;
        try {
          now = await queryClient.fetchQuery({
            ...conversationQueryOptions(conversationId),
            staleTime: 0,
            // Out of my sight is an answer here, not an error worth a toast.
            meta: { silentErrors: true },
          });
        } catch {
          known.delete(conversationId);
          continue; // Gone from my sight (another team took it); nothing to tell.
        }
        known.set(conversationId, seen(now));
        if (onScreen(conversationId)) continue;
        const alert = decide(before, now, hintType);
        if (alert === 'newWaiting') waiting.push(now);
        else if (alert) announce(alert, now);
      }
      announceWaiting(waiting);
    };

    const unsubscribe = subscribeToHints((hint) => {
      if (hint.type !== 'message.created' && hint.type !== 'conversation.updated') return;
      if (!('conversationId' in hint) || !hint.conversationId) return;
      const id = hint.conversationId;
      if (!known.has(id)) {
        const before = fromLists(id);
        if (before) known.set(id, before);
      }
      // A new message outranks a plain update for the same conversation.
      if (pending.get(id) !== 'message.created') pending.set(id, hint.type);
      timer ??= window.setTimeout(() => void flush(), SETTLE_MS);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [queryClient]);
}
