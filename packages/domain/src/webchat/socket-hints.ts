import type { Executor } from '@switchboard/db';
import type { RealtimeEvent } from '@switchboard/queue';
import { findConversationVisitors, findInternalMessageIds } from './socket-visitor';

/** What a visitor's socket is told: ids only; the widget refetches through the visitor API. */
export interface VisitorHint {
  type: 'conversation.updated' | 'message.created';
  conversationId: string;
}

interface Listener {
  visitorId: string;
  inbox: { id: string; workspaceId: string };
}

const FORWARDED = new Set<RealtimeEvent['type']>(['conversation.updated', 'message.created']);

/**
 * Which of these realtime events each listening visitor may hear: only hints about
 * conversations of their own contact in their own inbox, and never a new note or activity line.
 * One or two queries per batch, and none when no visitor listens in the events' workspaces.
 */
export async function visitorHints<V extends Listener>(
  db: Executor,
  listeners: Iterable<V>,
  events: RealtimeEvent[],
): Promise<Array<{ visitor: V; hint: VisitorHint }>> {
  const visitors = [...listeners];
  const listening = new Set(visitors.map((visitor) => visitor.inbox.workspaceId));
  const relevant = events.filter(
    (event): event is RealtimeEvent & { conversationId: string } =>
      FORWARDED.has(event.type) && !!event.conversationId && listening.has(event.workspaceId),
  );
  if (relevant.length === 0) return [];
  const workspaceIds = [...new Set(relevant.map((event) => event.workspaceId))];
  const conversationIds = [...new Set(relevant.map((event) => event.conversationId))];
  const owners = await findConversationVisitors(db, workspaceIds, conversationIds);
  if (owners.length === 0) return [];
  const messageIds = relevant.flatMap((event) =>
    event.type === 'message.created' && event.messageId ? [event.messageId] : [],
  );
  const internal = await findInternalMessageIds(db, workspaceIds, messageIds);

  const result: Array<{ visitor: V; hint: VisitorHint }> = [];
  for (const event of relevant) {
    if (event.messageId && internal.has(event.messageId)) continue;
    const hint = { type: event.type as VisitorHint['type'], conversationId: event.conversationId };
    for (const visitor of visitors) {
      const owns = owners.some(
        (owner) =>
          owner.conversationId === event.conversationId &&
          owner.workspaceId === event.workspaceId &&
          owner.workspaceId === visitor.inbox.workspaceId &&
          owner.inboxId === visitor.inbox.id &&
          owner.visitorId === visitor.visitorId,
      );
      if (owns) result.push({ visitor, hint });
    }
  }
  return result;
}
