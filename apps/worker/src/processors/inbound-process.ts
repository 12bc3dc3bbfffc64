import { ingestInboundBatch, noteInboundFailure, processInboundEvent } from '@switchboard/domain';
import { Batcher } from '@switchboard/queue';
import pLimit, { type LimitFunction } from 'p-limit';
import type { WorkerDeps } from '../deps';
import type { Processor } from '../processor';
import { normalize } from './normalize';

/** Batches written at once by one worker process: one commits while the next is gathered. */
const BATCHES_RUNNING = 2;
/** Events needing the per-event path, each in its own transaction, at once per process. */
const PER_EVENT_AT_ONCE = 8;

type Outcome = 'filed' | 'per-event';

interface InboundFiling {
  batcher: Batcher<number, Outcome>;
  perEvent: LimitFunction;
}
const filings = new WeakMap<WorkerDeps, InboundFiling>();

/**
 * Stored provider event → contact, conversation, message or delivery status. The events a
 * worker holds at once are filed together (see `ingestInboundBatch`); what a batch leaves
 * takes the per-event path on its own, so a slow one never holds up the next batch.
 */
export const inboundProcess: Processor<'inbound.process'> = async (job, deps) => {
  let filing = filings.get(deps);
  if (!filing) {
    filing = {
      batcher: new Batcher((eventIds) => batchOutcomes(deps, eventIds), {
        maxBatch: deps.config.INBOUND_CONCURRENCY,
        maxRunning: BATCHES_RUNNING,
      }),
      perEvent: pLimit(PER_EVENT_AT_ONCE),
    };
    filings.set(deps, filing);
  }
  if ((await filing.batcher.add(job.data.eventId)) === 'filed') return;
  await filing.perEvent(() => fileOneEvent(deps, job.data.eventId));
};

/** Files stored inbound events: a batch first, then one by one what the batch left; answers the failures. */
export async function fileInboundEvents(
  deps: WorkerDeps,
  eventIds: number[],
): Promise<Map<number, unknown>> {
  const outcomes = await batchOutcomes(deps, eventIds);
  const failures = new Map<number, unknown>();
  const limit = pLimit(PER_EVENT_AT_ONCE);
  const left = eventIds.filter((_, index) => outcomes[index] === 'per-event');
  await Promise.all(
    left.map((eventId) =>
      limit(() =>
        fileOneEvent(deps, eventId).catch((error: unknown) => failures.set(eventId, error)),
      ),
    ),
  );
  return failures;
}

async function batchOutcomes(deps: WorkerDeps, eventIds: number[]): Promise<Outcome[]> {
  try {
    const { perEvent } = await ingestInboundBatch(deps.domain, eventIds, normalize);
    const left = new Set(perEvent);
    return eventIds.map((eventId) => (left.has(eventId) ? 'per-event' : 'filed'));
  } catch (error) {
    // Nothing of the batch committed: every event takes the per-event path instead. The cause
    // only: the failed query's parameters hold customers' messages.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    deps.domain.log?.('inbound batch failed; filing its events one by one', {
      error: String(cause).split('\n')[0],
    });
    return eventIds.map(() => 'per-event');
  }
}

async function fileOneEvent(deps: WorkerDeps, eventId: number): Promise<void> {
  try {
    await processInboundEvent(deps.domain, eventId, normalize);
  } catch (error) {
    await noteInboundFailure(deps.domain, eventId, String(error));
    throw error;
  }
}
