import { storeInboundEvent, type StoreInboundEventInput } from '@switchboard/domain';
import type { ApiDeps } from '../deps';

/**
 * Makes a provider event durable, then queues its processing. Stored is enough to acknowledge
 * the provider: when Redis cannot take the job, the sweeper enqueues it later.
 */
export async function acceptInboundEvent(
  deps: ApiDeps,
  input: StoreInboundEventInput,
  warn: (detail: Record<string, unknown>, message: string) => void,
): Promise<void> {
  const stored = await storeInboundEvent(deps.database.db, input);
  await deps.enqueuer.enqueue('inbound.process', stored.job).catch((error: unknown) => {
    warn({ err: error, eventId: stored.id }, 'enqueue failed; left for the sweeper');
  });
}
