import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { assignmentMode } from './enums';
import { users } from './users';
import type { TeamAutoReply } from './workflow';
import { workspaces } from './workspaces';

export interface BusinessHours {
  timeZone: string;
  /** ISO weekday (1 = Monday) → list of "HH:MM-HH:MM" ranges. */
  days: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', string[]>>;
}

export const teams = pgTable(
  'teams',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    assignmentMode: assignmentMode('assignment_mode').notNull().default('manual'),
    /** With manual assignment: agents may only accept the oldest waiting conversation. */
    sequenceMode: boolean('sequence_mode').notNull().default(false),
    businessHours: jsonb('business_hours').$type<BusinessHours>(),
    autoReply: jsonb('auto_reply').$type<TeamAutoReply>().notNull().default({}),
    /** Open conversations waiting on the customer this many hours close as no_reply. */
    idleCloseHours: integer('idle_close_hours'),
    createdAt: createdAt(),
  },
  (t) => [index('teams_workspace_idx').on(t.workspaceId)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index('team_members_user_idx').on(t.userId),
  ],
);
