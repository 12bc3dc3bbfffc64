import { sql, type SQL } from 'drizzle-orm';

/** A webhook this soon after the provider's time is live traffic, not a late redelivery. */
const LIVE_DELIVERY = '60 seconds';

/**
 * When an inbound message happened, for ordering the thread. Twilio gives no time: arrival
 * order. Meta's timestamps have whole seconds, so two messages of one second would tie; while
 * the webhook arrives promptly its exact arrival time keeps them in the order they were sent.
 * Both arguments are SQL expressions of type timestamptz; `providerAt` may be null.
 */
export function occurredAtSql(providerAt: SQL | null, arrived: SQL): SQL {
  if (!providerAt) return arrived;
  return sql`(case when ${providerAt} is null or ${arrived} - ${providerAt} between interval '0' and interval '${sql.raw(LIVE_DELIVERY)}' then ${arrived} else ${providerAt} end)`;
}
