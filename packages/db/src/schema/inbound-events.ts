import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at } from './columns';
import { inboundEventKind } from './enums';
import { inboxes } from './inboxes';
import { workspaces } from './workspaces';

/**
 * Every provider event, stored before the provider is acknowledged. The worker processes
 * it; the sweeper re-enqueues what was stored but not processed, so nothing depends on Redis.
 */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    inboxId: uuid('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    kind: inboundEventKind('kind').notNull(),
    /** The provider's id for the event (Twilio MessageSid, plus the status for callbacks). */
    providerEventId: text('provider_event_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: at('received_at')
      .notNull()
      .default(sql`clock_timestamp()`),
    processedAt: at('processed_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('inbound_events_provider_key').on(t.inboxId, t.kind, t.providerEventId),
    index('inbound_events_pending_idx')
      .on(t.receivedAt)
      .where(sql`${t.processedAt} is null`),
  ],
);
