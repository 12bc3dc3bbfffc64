import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns';
import { inboxes } from './inboxes';
import { workspaces } from './workspaces';

/**
 * A WhatsApp message template as the provider last listed it. Outside the 24-hour window
 * these are the only messages a business may send, so agents pick from this list.
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    inboxId: uuid('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    language: text('language').notNull(),
    category: text('category').notNull(),
    /** APPROVED, PENDING, REJECTED… as the provider says; only approved ones are offered. */
    status: text('status').notNull(),
    /** Body with {{1}}, {{2}}… placeholders. */
    body: text('body').notNull(),
    parameterCount: integer('parameter_count').notNull(),
    /** Meta template id or Twilio Content SID. */
    externalId: text('external_id').notNull(),
    syncedAt: at('synced_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('message_templates_inbox_name_key').on(t.inboxId, t.name, t.language)],
);
