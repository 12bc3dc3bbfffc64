import { schema, type MessageStatus } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';

/**
 * How far a message has travelled. Status callbacks arrive out of order and are retried, so a
 * status is applied only when it moves the message forward. `failed` ranks with delivered:
 * it can end a queued or sent message but never undo a confirmed delivery.
 */
export const statusRank: Record<MessageStatus, number> = {
  received: 0,
  queued: 0,
  sent: 1,
  delivered: 2,
  failed: 2,
  read: 3,
};

export function rankOf(column: SQL | typeof schema.messages.status): SQL<number> {
  return sql<number>`(case ${column} when 'sent' then 1 when 'delivered' then 2 when 'failed' then 2 when 'read' then 3 else 0 end)`;
}
