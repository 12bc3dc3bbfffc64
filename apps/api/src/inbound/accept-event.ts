import { storeInboundEvent, type StoreInboundEventInput } from '@switchboard/domain';
import { finishedWithin, REDIS_WAIT_MS } from '@switchboard/queue';
import type { ApiDeps } from '../deps';

/**
 * Makes a provider event durable, then queues its processing. Stored is enough to acknowledge
 * the provider: when Redis cannot take the job (down, or slower than REDIS_WAIT_MS), the
 * provider gets its answer anyway and the sweeper enqueues the event later.
 */
export async function acceptInboundEvent(
  deps: ApiDeps,
  input: StoreInboundEventInput,
  warn: (detail: Record<string, unknown>, message: string) => void,
): Promise<void> {
  const stored = await storeInboundEvent(deps.database.db, input);
  const leftForSweeper = (error?: unknown) =>
    warn({ err: error, eventId: stored.id }, 'enqueue failed; left for the sweeper');
  const queued = await finishedWithin(
    deps.enqueuer.enqueue('inbound.process', stored.job),
    REDIS_WAIT_MS,
    leftForSweeper,
  ).catch((error: unknown) => {
    leftForSweeper(error);
    return true;
  });
  if (!queued) warn({ eventId: stored.id }, 'Redis is slow or away; left for the sweeper');
}
