import { schema, type Executor, type UserRole } from '@switchboard/db';
import type { RealtimeEvent } from '@switchboard/queue';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { findConversationVisitors, findInternalMessageIds } from './socket-visitor';

/** What a visitor's socket is told: ids only (the widget refetches), or who is typing. */
export type VisitorHint =
  | { type: 'conversation.updated' | 'message.created'; conversationId: string }
  | { type: 'agent.typing'; conversationId: string; name: string };

interface Listener {
  visitorId: string;
  inbox: { id: string; workspaceId: string };
}

const FORWARDED = new Set<RealtimeEvent['type']>([
  'conversation.updated',
  'message.created',
  'agent.typing',
]);

/**
 * Which of these realtime events each listening visitor may hear: only hints about
 * conversations of their own contact in their own inbox, and never a new note or activity line.
 * One to three queries per batch, and none when no visitor listens in the events' workspaces.
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
  const typists = await findUserNames(
    db,
    workspaceIds,
    relevant.flatMap((event) =>
      event.type === 'agent.typing' && event.userId ? [event.userId] : [],
    ),
  );

  const result: Array<{ visitor: V; hint: VisitorHint }> = [];
  for (const event of relevant) {
    const hint = hintFor(event, internal, typists);
    if (!hint) continue;
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

function hintFor(
  event: RealtimeEvent & { conversationId: string },
  internal: Set<string>,
  typists: Map<string, string>,
): VisitorHint | null {
  const { conversationId } = event;
  if (event.type === 'agent.typing') {
    const name = event.userId ? typists.get(`${event.workspaceId}:${event.userId}`) : undefined;
    return name ? { type: 'agent.typing', conversationId, name } : null;
  }
  if (event.messageId && internal.has(event.messageId)) return null;
  return { type: event.type as 'conversation.updated' | 'message.created', conversationId };
}

/** Names of these users, keyed `workspaceId:userId` so an id never crosses workspaces. */
async function findUserNames(
  db: Executor,
  workspaceIds: string[],
  userIds: string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const u = schema.users;
  const rows = await db
    .select({ id: u.id, workspaceId: u.workspaceId, name: u.name })
    .from(u)
    .where(and(inArray(u.workspaceId, workspaceIds), inArray(u.id, [...new Set(userIds)])));
  return new Map(rows.map((row) => [`${row.workspaceId}:${row.id}`, row.name]));
}

export interface TypingAgent {
  id: string;
  workspaceId: string;
  role: UserRole;
}

/**
 * The `agent.typing` hint for an agent typing in a web chat conversation, or null when they may
 * not write to its customer: it must be open and theirs, one they were invited to or joined, or
 * they are staff (the same people the reply endpoint lets write).
 */
export async function agentTypingEvent(
  db: Executor,
  agent: TypingAgent,
  conversationId: string,
): Promise<RealtimeEvent | null> {
  const c = schema.conversations;
  const staff = agent.role === 'supervisor' || agent.role === 'admin';
  const invited = sql`exists (
    select 1 from ${schema.conversationParticipants} ip
    where ip.conversation_id = ${c.id} and ip.user_id = ${agent.id} and ip.invited_at is not null)`;
  const [conversation] = await db
    .select({ id: c.id })
    .from(c)
    .innerJoin(schema.inboxes, eq(schema.inboxes.id, c.inboxId))
    .where(
      and(
        eq(c.id, conversationId),
        eq(c.workspaceId, agent.workspaceId),
        eq(c.status, 'open'),
        eq(schema.inboxes.kind, 'webchat'),
        staff ? undefined : sql`(${c.assigneeId} = ${agent.id} or ${invited})`,
      ),
    )
    .limit(1);
  if (!conversation) return null;
  return {
    type: 'agent.typing',
    workspaceId: agent.workspaceId,
    conversationId: conversation.id,
    userId: agent.id,
  };
}
