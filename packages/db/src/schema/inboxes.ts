import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { inboxKind } from './enums';
import { teams } from './teams';
import { workspaces } from './workspaces';

export const inboxes = pgTable(
  'inboxes',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: inboxKind('kind').notNull(),
    name: text('name').notNull(),
    /** What customers write to: the business phone number, WhatsApp number or email address. */
    address: text('address').notNull(),
    /** The provider's id of the account (Twilio account SID, WhatsApp phone number id); never a secret. */
    externalId: text('external_id'),
    /** Provider secrets, AES-256-GCM with a key derived from SECRET_KEY (see crypto.ts). */
    credentialsEncrypted: text('credentials_encrypted').notNull(),
    defaultTeamId: uuid('default_team_id').references(() => teams.id, { onDelete: 'set null' }),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** Last successful refresh of the provider's message templates (WhatsApp). */
    templatesSyncedAt: at('templates_synced_at'),
    createdAt: createdAt(),
  },
  (t) => [index('inboxes_workspace_idx').on(t.workspaceId)],
);
