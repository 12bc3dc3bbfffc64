import {
  schema,
  type ConversationOutcome,
  type ConversationPhase,
  type ConversationStatus,
  type Executor,
  type IdentityKind,
  type InboxKind,
} from '@switchboard/db';
import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../context';
import { serviceWindow, type ServiceWindow } from './service-window';
import { replyChannels, type ReplyChannel } from '../messages/reply-channel';

const c = schema.conversations;
const assignee = alias(schema.users, 'assignee');
const team = alias(schema.teams, 'team');

export const conversationColumns = {
  id: c.id,
  reference: c.reference,
  status: c.status,
  phase: c.phase,
  outcome: c.outcome,
  inboxId: c.inboxId,
  inboxKind: schema.inboxes.kind,
  inboxName: schema.inboxes.name,
  contactId: c.contactId,
  contactName: schema.contacts.name,
  assigneeId: c.assigneeId,
  assigneeName: assignee.name,
  teamId: c.teamId,
  teamName: team.name,
  snoozedUntil: c.snoozedUntil,
  escalationCount: c.escalationCount,
  priority: c.priority,
  lastMessagePreview: c.lastMessagePreview,
  lastMessageAt: c.lastMessageAt,
  unreadCount: c.unreadCount,
  createdAt: c.createdAt,
  waitingSince: c.waitingSince,
  lastInboundAt: c.lastInboundAt,
  closedAt: c.closedAt,
  closedBy: c.closedBy,
  receivedOffline: c.receivedOffline,
  workspaceId: c.workspaceId,
  visitorAwaySince: c.visitorAwaySince,
  rating: c.rating,
  ratingComment: c.ratingComment,
  version: c.version,
  // Full-precision sort keys for cursors (a JS Date would drop the microseconds).
  waitingKey: sql<string | null>`${c.waitingSince}::text`,
  recentKey: sql<string>`${c.lastMessageAt}::text`,
};

/** Conversations joined with what the inbox list shows; callers add filters and order. */
export function selectConversations(db: Executor, where: SQL | undefined) {
  return db
    .select(conversationColumns)
    .from(c)
    .innerJoin(schema.inboxes, eq(schema.inboxes.id, c.inboxId))
    .innerJoin(schema.contacts, eq(schema.contacts.id, c.contactId))
    .leftJoin(assignee, eq(assignee.id, c.assigneeId))
    .leftJoin(team, eq(team.id, c.teamId))
    .where(where);
}

export type ConversationRow = Awaited<ReturnType<typeof selectConversations>>[number];

export interface ConversationView {
  id: string;
  reference: string;
  status: ConversationStatus;
  phase: ConversationPhase;
  outcome: ConversationOutcome | null;
  inboxId: string;
  inbox: { id: string; kind: InboxKind; name: string };
  contact: {
    id: string;
    name: string | null;
    identities: Array<{ kind: IdentityKind; address: string }>;
  };
  assignee: { id: string; name: string } | null;
  teamId: string | null;
  team: { id: string; name: string } | null;
  tags: Array<{ id: string; name: string; color: string }>;
  snoozedUntil: string | null;
  /** Transfers and calls for help so far. */
  escalationCount: number;
  priority: number;
  lastMessagePreview: string | null;
  lastMessageAt: string;
  unreadCount: number;
  createdAt: string;
  waitingSince: string | null;
  closedAt: string | null;
  /** Who ended it: a person (`agent`), the `customer` (web chat) or a timer (`system`). */
  closedBy: 'agent' | 'customer' | 'system' | null;
  /** An offline message: it came in with nobody there to attend (or by the web chat's form). */
  receivedOffline: boolean;
  /** Web chat: the visitor left after an agent took it; replies follow them by email or SMS. */
  visitorAwaySince: string | null;
  /** Where a reply goes now: the channel the customer last used (see reply-channel.ts). */
  replyChannel: { inboxId: string; kind: InboxKind; to: string | null; followUp: boolean } | null;
  /** The customer's rating (web chat), 1 to 5. */
  rating: { score: number; comment: string | null } | null;
  /** WhatsApp's 24-hour customer service window; null for channels without one. */
  window: ServiceWindow | null;
  version: number;
  /** The caller was invited to or joined it (a participant with `invited_at`). */
  invited: boolean;
  /** The caller hid it from their own lists. */
  hidden: boolean;
}

function replyChannelView(channel: ReplyChannel | undefined): ConversationView['replyChannel'] {
  if (!channel) return null;
  return {
    inboxId: channel.inboxId,
    kind: channel.kind,
    to: channel.to,
    followUp: channel.followUp,
  };
}

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/**
 * Shapes rows for the API as `viewer` sees them, fetching every listed contact's identities
 * (and the viewer's invitations and hidden marks) in one query each.
 */
export async function presentConversations(
  { db, actor: viewer, workspaceId }: { db: Executor; actor: Actor; workspaceId: string },
  rows: ConversationRow[],
): Promise<ConversationView[]> {
  const contactIds = [...new Set(rows.map((row) => row.contactId))];
  const identities = contactIds.length
    ? await db
        .select({
          contactId: schema.contactIdentities.contactId,
          kind: schema.contactIdentities.kind,
          address: schema.contactIdentities.address,
        })
        .from(schema.contactIdentities)
        .where(inArray(schema.contactIdentities.contactId, contactIds))
        .orderBy(sql`${schema.contactIdentities.createdAt}`)
    : [];
  const conversationIds = rows.map((row) => row.id);
  const tags = conversationIds.length
    ? await db
        .select({
          conversationId: schema.conversationTags.conversationId,
          id: schema.tags.id,
          name: schema.tags.name,
          color: schema.tags.color,
        })
        .from(schema.conversationTags)
        .innerJoin(schema.tags, eq(schema.tags.id, schema.conversationTags.tagId))
        .where(inArray(schema.conversationTags.conversationId, conversationIds))
        .orderBy(sql`lower(${schema.tags.name})`)
    : [];
  const userId = viewer.type === 'user' ? viewer.id : null;
  const p = schema.conversationParticipants;
  const invited = new Set(
    userId && conversationIds.length
      ? (
          await db
            .select({ id: p.conversationId })
            .from(p)
            .where(
              and(
                eq(p.workspaceId, workspaceId),
                eq(p.userId, userId),
                isNotNull(p.invitedAt),
                inArray(p.conversationId, conversationIds),
              ),
            )
        ).map((row) => row.id)
      : [],
  );
  const h = schema.conversationHidden;
  const hidden = new Set(
    userId && conversationIds.length
      ? (
          await db
            .select({ id: h.conversationId })
            .from(h)
            .where(
              and(
                eq(h.workspaceId, workspaceId),
                eq(h.userId, userId),
                inArray(h.conversationId, conversationIds),
              ),
            )
        ).map((row) => row.id)
      : [],
  );
  const channels = await replyChannels(db, rows);
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    status: row.status,
    phase: row.phase,
    outcome: row.outcome,
    inboxId: row.inboxId,
    inbox: { id: row.inboxId, kind: row.inboxKind, name: row.inboxName },
    contact: {
      id: row.contactId,
      name: row.contactName,
      identities: identities
        .filter((identity) => identity.contactId === row.contactId)
        .map(({ kind, address }) => ({ kind, address })),
    },
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    teamId: row.teamId,
    team: row.teamId ? { id: row.teamId, name: row.teamName ?? '' } : null,
    tags: tags
      .filter((tag) => tag.conversationId === row.id)
      .map(({ id, name, color }) => ({ id, name, color })),
    snoozedUntil: iso(row.snoozedUntil),
    escalationCount: row.escalationCount,
    priority: row.priority,
    lastMessagePreview: row.lastMessagePreview,
    lastMessageAt: row.lastMessageAt.toISOString(),
    unreadCount: row.unreadCount,
    createdAt: row.createdAt.toISOString(),
    waitingSince: iso(row.waitingSince),
    closedAt: iso(row.closedAt),
    closedBy: row.closedBy,
    receivedOffline: row.receivedOffline,
    visitorAwaySince: iso(row.visitorAwaySince),
    replyChannel: replyChannelView(channels.get(row.id)),
    rating: row.rating ? { score: row.rating, comment: row.ratingComment } : null,
    // The window of the channel a reply would take (a web chat continued on WhatsApp has one).
    window: serviceWindow(channels.get(row.id)?.kind ?? row.inboxKind, row.lastInboundAt),
    version: row.version,
    invited: invited.has(row.id),
    hidden: hidden.has(row.id),
  }));
}
