import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  /** Defaults the workspace applies: reopen window, locale, time zone. */
  settings: jsonb('settings').$type<WorkspaceSettings>().notNull().default({}),
  createdAt: createdAt(),
});

export interface WorkspaceSettings {
  reopenWindowHours?: number;
  timeZone?: string;
  defaultLocale?: string;
}
