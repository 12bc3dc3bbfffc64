import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, updatedAt } from './columns';
import { contacts } from './contacts';
import { conversationOutcome, conversationPhase, conversationStatus } from './enums';
import { inboxes } from './inboxes';
import { teams } from './teams';
import { users } from './users';
import { workspaces } from './workspaces';

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    inboxId: uuid('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** Short code the customer can quote on any channel, e.g. SB-7K3Q9. */
    reference: text('reference').notNull(),
    status: conversationStatus('status').notNull().default('waiting'),
    phase: conversationPhase('phase').notNull().default('in_progress'),
    snoozedUntil: at('snoozed_until'),
    outcome: conversationOutcome('outcome'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** Agent who held it last; a reopened conversation goes back to them when they are online. */
    lastAssigneeId: uuid('last_assignee_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    /** Transfers and calls for help: an indicator of how hard the problem was. */
    escalationCount: integer('escalation_count').notNull().default(0),
    /** 0 normal, higher is more urgent. */
    priority: smallint('priority').notNull().default(0),
    subject: text('subject'),
    previousConversationId: uuid('previous_conversation_id').references(
      (): AnyPgColumn => conversations.id,
    ),
    lastMessagePreview: text('last_message_preview'),
    lastMessageAt: at('last_message_at').notNull().defaultNow(),
    /** Inbound messages since an agent last read the thread. */
    unreadCount: integer('unread_count').notNull().default(0),
    /** Bumped on every change; realtime events carry it so clients can skip stale hints. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    queuedAt: at('queued_at'),
    waitingSince: at('waiting_since'),
    firstAssignedAt: at('first_assigned_at'),
    firstResponseAt: at('first_response_at'),
    lastInboundAt: at('last_inbound_at'),
    lastOutboundAt: at('last_outbound_at'),
    closedAt: at('closed_at'),
    /** Oldest customer message no person has answered yet; a human reply clears it. */
    unansweredSince: at('unanswered_since'),
    /** Times it was handed from an agent or queue to another one (first-contact resolution). */
    transferCount: integer('transfer_count').notNull().default(0),
    /** Times the customer reopened it after it was closed (first-contact resolution). */
    reopenCount: integer('reopen_count').notNull().default(0),
    /** The customer wrote outside the team's hours or with none of its agents online. */
    receivedOffline: boolean('received_offline').notNull().default(false),
    /**
     * Web chat: the visitor left (no widget open past the grace period) after an agent took it.
     * While set, replies follow them by email or SMS; their return clears it.
     */
    visitorAwaySince: at('visitor_away_since'),
    /** Who ended it: `agent` (any person), `customer` or `system` (timers, abandonment). */
    closedBy: text('closed_by', { enum: ['agent', 'customer', 'system'] }),
    /** The customer's rating of the conversation, 1 to 5, and what they wrote with it. */
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: at('rated_at'),
  },
  (t) => [
    // The database, not only the code, keeps one live conversation per customer and inbox.
    uniqueIndex('conversations_one_live_per_contact_inbox')
      .on(t.contactId, t.inboxId)
      .where(sql`${t.status} <> 'closed'`),
    uniqueIndex('conversations_reference_key').on(t.workspaceId, t.reference),
    // Waiting tab: a team's queue, oldest first.
    index('conversations_waiting_idx')
      .on(t.workspaceId, t.teamId, t.waitingSince, t.id)
      .where(sql`${t.status} = 'waiting'`),
    // Open tab: an agent's conversations, latest activity first.
    index('conversations_open_idx')
      .on(t.workspaceId, t.assigneeId, t.lastMessageAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'open'`),
    // Closed tab and the supervisor's views: latest first.
    index('conversations_status_recent_idx').on(
      t.workspaceId,
      t.status,
      t.lastMessageAt.desc(),
      t.id.desc(),
    ),
    // Indicators: a period of conversations by when they started.
    index('conversations_created_idx').on(t.workspaceId, t.createdAt),
    // The agent monitor's "closed today".
    index('conversations_closed_idx')
      .on(t.workspaceId, t.closedAt)
      .where(sql`${t.closedAt} is not null`),
    // Tab counts: how many have unread messages, without visiting every read one.
    index('conversations_unread_idx')
      .on(t.workspaceId, t.status)
      .where(sql`${t.unreadCount} > 0`),
    index('conversations_contact_idx').on(t.contactId, t.createdAt.desc()),
    index('conversations_reference_trgm_idx').using('gin', sql`${t.reference} gin_trgm_ops`),
  ],
);

/** Users who took part in a conversation: assigned, replied, joined. Agents see closed ones they took part in. */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: createdAt(),
    /** Invited or joined while open: the conversation shows in their Open tab too. */
    invitedAt: at('invited_at'),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('conversation_participants_user_idx').on(t.userId, t.conversationId),
    // Who was invited to what: the few invitations, apart from every conversation taken part in.
    index('conversation_participants_invited_idx')
      .on(t.userId, t.conversationId)
      .where(sql`${t.invitedAt} is not null`),
  ],
);

export const tags = pgTable(
  'tags',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull().default('gray'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

export const conversationTags = pgTable(
  'conversation_tags',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.tagId] }),
    index('conversation_tags_tag_idx').on(t.tagId),
  ],
);
