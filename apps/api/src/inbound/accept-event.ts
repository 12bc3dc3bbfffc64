import {
  storeInboundEvent,
  storeInboundEvents,
  type StoredInboundEvent,
  type StoreInboundEventInput,
} from '@switchboard/domain';
import { Batcher, finishedWithin, REDIS_WAIT_MS } from '@switchboard/queue';
import type { ApiDeps } from '../deps';

type Warn = (detail: Record<string, unknown>, message: string) => void;

/** Webhooks that arrive together are stored in one statement; at most this many at once. */
const MAX_BATCH = 100;
interface Arrival {
  input: StoreInboundEventInput;
  /** The request's own logger: a warning about its event goes to its log line. */
  warn: Warn;
}
/** An arrival's own outcome: only a webhook that could not be stored fails. */
type Accepted = { stored: true } | { stored: false; error: unknown };
const batchers = new WeakMap<ApiDeps, Batcher<Arrival, Accepted>>();

/**
 * Makes a provider event durable, then queues its processing. Stored is enough to acknowledge
 * the provider: when Redis cannot take the job (down, or slower than REDIS_WAIT_MS), the
 * provider gets its answer anyway and the sweeper enqueues the event later. Events that
 * arrive while others are being stored wait for the next batch: one insert and one round trip
 * to Redis for all of them.
 */
export async function acceptInboundEvent(
  deps: ApiDeps,
  input: StoreInboundEventInput,
  warn: Warn,
): Promise<void> {
  let batcher = batchers.get(deps);
  if (!batcher) {
    batcher = new Batcher((arrivals) => acceptBatch(deps, arrivals), {
      maxBatch: MAX_BATCH,
      maxRunning: 2,
    });
    batchers.set(deps, batcher);
  }
  const accepted = await batcher.add({ input, warn });
  if (!accepted.stored) throw accepted.error;
}

async function acceptBatch(deps: ApiDeps, arrivals: Arrival[]): Promise<Accepted[]> {
  const failures = new Map<Arrival, unknown>();
  let stored: Array<{ arrival: Arrival; event: StoredInboundEvent }>;
  try {
    const events = await storeInboundEvents(
      deps.database.db,
      arrivals.map((arrival) => arrival.input),
    );
    stored = arrivals.map((arrival, index) => ({ arrival, event: events[index]! }));
  } catch (error) {
    if (arrivals.length === 1) throw error;
    // One at a time, so only a webhook that cannot be stored fails (and its provider retries).
    stored = [];
    for (const arrival of arrivals) {
      try {
        stored.push({ arrival, event: await storeInboundEvent(deps.database.db, arrival.input) });
      } catch (single) {
        failures.set(arrival, single);
      }
    }
  }
  await enqueueWithin(deps, stored);
  return arrivals.map((arrival) =>
    failures.has(arrival) ? { stored: false, error: failures.get(arrival) } : { stored: true },
  );
}

const ENQUEUE_FAILED = 'enqueue failed; left for the sweeper';

async function enqueueWithin(
  deps: ApiDeps,
  stored: Array<{ arrival: Arrival; event: StoredInboundEvent }>,
) {
  const leftForSweeper = (message: string, error?: unknown) =>
    stored.forEach(({ arrival, event }) =>
      arrival.warn({ err: error, eventId: event.id }, message),
    );
  const queued = await finishedWithin(
    deps.enqueuer.enqueueMany(
      'inbound.process',
      stored.map(({ event }) => event.job),
    ),
    REDIS_WAIT_MS,
    (error) => leftForSweeper(ENQUEUE_FAILED, error),
  ).catch((error: unknown) => {
    leftForSweeper(ENQUEUE_FAILED, error);
    return true;
  });
  if (!queued) leftForSweeper('Redis is slow or away; left for the sweeper');
}
