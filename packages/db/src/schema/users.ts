import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { presence, userRole } from './enums';
import { workspaces } from './workspaces';

export const users = pgTable(
  'users',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull().default('agent'),
    presence: presence('presence').notNull().default('offline'),
    presenceChangedAt: at('presence_changed_at').notNull().defaultNow(),
    /** Set away by Switchboard because every socket dropped; a returning socket makes them online. */
    presenceAuto: boolean('presence_auto').notNull().default(false),
    /** Most open conversations the agent holds at once. */
    capacity: integer('capacity').notNull().default(5),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    locale: text('locale'),
    avatarUrl: text('avatar_url'),
    lastAssignedAt: at('last_assigned_at'),
    deactivatedAt: at('deactivated_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // Login takes only an email, so an email names one user across all workspaces.
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_workspace_idx').on(t.workspaceId, t.role),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the cookie value; the value itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('sessions_token_key').on(t.tokenHash),
    index('sessions_user_idx').on(t.userId),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_token_key').on(t.tokenHash)],
);
