import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  jobCatalog,
  jobIdFor,
  queueNames,
  type JobName,
  type JobPayload,
  type QueueName,
} from './catalog';

export interface QueueSettings {
  connection: Redis;
  prefix: string;
  outboundBackoffMs: number;
}

export interface Enqueuer {
  enqueue<K extends JobName>(
    name: K,
    payload: JobPayload<K>,
    options?: { delayMs?: number },
  ): Promise<void>;
  /** Several jobs of one kind in one round trip to Redis. */
  enqueueMany<K extends JobName>(name: K, payloads: JobPayload<K>[]): Promise<void>;
  /** Like enqueue, but a finished, failed or delayed job with the same id runs again now. */
  revive<K extends JobName>(name: K, payload: JobPayload<K>): Promise<void>;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

export function jobOptions(
  name: JobName,
  settings: Pick<QueueSettings, 'outboundBackoffMs'>,
): JobsOptions {
  const base = jobCatalog[name].options as JobsOptions;
  const options: JobsOptions = {
    ...base,
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
  if (name === 'outbound.send')
    options.backoff = { type: 'exponential', delay: settings.outboundBackoffMs };
  return options;
}

/** Typed, validated enqueue. The job id comes from the catalog's key, so duplicates collapse. */
export function createEnqueuer(settings: QueueSettings): Enqueuer {
  const queues = new Map<QueueName, Queue>(
    queueNames.map((name) => [
      name,
      new Queue(name, { connection: settings.connection, prefix: settings.prefix }),
    ]),
  );
  const queue = (name: QueueName) => {
    const found = queues.get(name);
    if (!found) throw new Error(`Unknown queue ${name}`);
    return found;
  };
  const prepare = <K extends JobName>(name: K, payload: JobPayload<K>) => {
    const spec = jobCatalog[name];
    const data = spec.payload.parse(payload) as Record<string, unknown>;
    const keyOf = spec.key as ((payload: Record<string, unknown>) => string) | null;
    const jobId = keyOf ? jobIdFor(name, keyOf(data)) : undefined;
    return {
      target: queue(spec.queue),
      data,
      jobId,
      opts: { ...jobOptions(name, settings), ...(jobId ? { jobId } : {}) },
    };
  };
  return {
    queue,
    async enqueue(name, payload, options = {}) {
      const { target, data, opts } = prepare(name, payload);
      await target.add(name, data, {
        ...opts,
        ...(options.delayMs ? { delay: options.delayMs } : {}),
      });
    },
    async enqueueMany(name, payloads) {
      if (payloads.length === 0) return;
      const jobs = payloads.map((payload) => {
        const { data, opts } = prepare(name, payload);
        return { name, data, opts };
      });
      await queue(jobCatalog[name].queue).addBulk(jobs);
    },
    async revive(name, payload) {
      const { target, data, jobId, opts } = prepare(name, payload);
      const existing = jobId ? await target.getJob(jobId) : undefined;
      if (existing) {
        const state = await existing.getState();
        if (state === 'failed') return existing.retry();
        // Waiting out a backoff: what it waited for has happened, run it now.
        if (state === 'delayed') return existing.promote();
        if (state !== 'completed') return; // waiting or running
        await existing.remove();
      }
      await target.add(name, data, opts);
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
