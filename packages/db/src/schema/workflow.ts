import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, updatedAt } from './columns';
import { conversations } from './conversations';
import type { InboxKind } from './enums';
import { messages } from './messages';
import { users } from './users';
import { workspaces } from './workspaces';

/** What a routing rule looks at. Every condition given must hold; an empty rule matches all. */
export interface RoutingConditions {
  /** Any of these words or phrases in the first message (case- and accent-insensitive). */
  keywords?: string[];
  channels?: InboxKind[];
  /** Contact fields: ISO country codes, BCP 47 language prefixes. */
  contactCountries?: string[];
  contactLanguages?: string[];
  /** Against the business hours of the team the conversation is in when the rule runs. */
  businessHours?: 'inside' | 'outside';
}

export interface RoutingActions {
  teamId?: string;
  tagIds?: string[];
  priority?: number;
}

/** Rules run in position order when a conversation is created or reopened; the first match wins. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    conditions: jsonb('conditions').$type<RoutingConditions>().notNull().default({}),
    actions: jsonb('actions').$type<RoutingActions>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('routing_rules_workspace_idx').on(t.workspaceId, t.position)],
);

/** "Hide from my view": the conversation stays for everyone else. */
export const conversationHidden = pgTable(
  'conversation_hidden',
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
    hiddenAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conversationId] })],
);

/** Something an agent should see: an @mention in a note, for now. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    conversationId: uuid('conversation_id').references(() => conversations.id, {
      onDelete: 'cascade',
    }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    readAt: at('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt.desc())],
);

export interface SavedFilterQuery {
  tab?: 'waiting' | 'open' | 'closed';
  tagIds?: string[];
  teamId?: string;
  inboxId?: string;
  channel?: InboxKind;
  phase?: string;
  q?: string;
}

/** An agent's named list filters. */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<SavedFilterQuery>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_filters_name_key').on(t.userId, sql`lower(${t.name})`)],
);

/** Per-team automatic replies (all optional; off by default). */
export interface TeamAutoReply {
  /** Reply when outside business hours or nobody in the team is online. */
  offline?: { enabled: boolean; text?: string; expectedResponseMinutes?: number };
  /** Tell waiting customers their place in the queue. */
  queuePosition?: { enabled: boolean; minutesPerConversation?: number };
}
