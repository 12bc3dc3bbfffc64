import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { identityKind } from './enums';
import { workspaces } from './workspaces';

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name'),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    /** BCP 47 tag. */
    language: text('language'),
    blocked: boolean('blocked').notNull().default(false),
    notes: text('notes'),
    /** Set when this contact was merged into another; identities move with the merge. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => contacts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contacts_workspace_idx').on(t.workspaceId, t.name),
    index('contacts_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: identityKind('kind').notNull(),
    /** E.164 phone, WhatsApp id, lower-cased email address or web visitor id. */
    address: text('address').notNull(),
    /** Name the channel reported (WhatsApp profile name, email display name). */
    displayName: text('display_name'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contact_identities_address_key').on(t.workspaceId, t.kind, t.address),
    index('contact_identities_contact_idx').on(t.contactId),
    // Search by a fragment of a phone number or address.
    index('contact_identities_address_trgm_idx').using('gin', sql`${t.address} gin_trgm_ops`),
  ],
);
