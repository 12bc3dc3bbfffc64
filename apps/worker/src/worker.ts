import {
  createRedis,
  jobCatalog,
  keepJobScheduler,
  queueNames,
  type JobName,
  type QueueName,
} from '@switchboard/queue';
import { Worker, type Job } from 'bullmq';
import type { WorkerDeps } from './deps';
import { closeEmailTransports } from '@switchboard/channels';
import { startMailReaders, type MailReaderOptions } from './imap/index';
import { processors } from './processors/index';

// Inbound comes from the configuration (INBOUND_CONCURRENCY), to fit the cores available.
const concurrency: Record<Exclude<QueueName, 'inbound'>, number> = {
  outbound: 16,
  media: 4,
  maintenance: 1,
  // Runs of one workspace queue behind one lock: more slots would only hold connections.
  assignment: 2,
};
const SWEEP_EVERY_MS = 15_000;

export interface RunningWorkers {
  close(): Promise<void>;
}

/** Starts one BullMQ worker per queue and the periodic sweeper. */
export async function startWorkers(
  deps: WorkerDeps,
  options: { log?: (line: string) => void; mailReaders?: MailReaderOptions } = {},
): Promise<RunningWorkers> {
  const log = options.log ?? (() => {});
  const connections = queueNames.map((queueName) =>
    createRedis(deps.config.REDIS_URL, `worker-${queueName}`),
  );
  const workers = queueNames.map((queueName, index) => {
    const worker = new Worker(
      queueName,
      async (job: Job, token?: string) => {
        const name = job.name as JobName;
        if (jobCatalog[name]?.queue !== queueName)
          throw new Error(`Unknown job ${job.name} on ${queueName}`);
        const processor = processors[name] as (
          job: Job,
          deps: WorkerDeps,
          token?: string,
        ) => Promise<unknown>;
        return processor(job, deps, token);
      },
      {
        connection: connections[index]!,
        prefix: deps.config.QUEUE_PREFIX,
        concurrency:
          queueName === 'inbound' ? deps.config.INBOUND_CONCURRENCY : concurrency[queueName],
      },
    );
    worker.on('failed', (job, error) => {
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
      log(
        `${job?.name ?? queueName} ${job?.id ?? ''} failed: ${error.message.split('\n')[0]?.slice(0, 200)}${cause}`,
      );
    });
    worker.on('error', (error) => log(`worker ${queueName} error: ${error.message}`));
    return worker;
  });
  // Mailboxes read over IMAP: one reader per mailbox across every worker process.
  const mailReaders = await startMailReaders(deps, { log, ...options.mailReaders });
  // Scheduled again whenever Redis comes back: an empty Redis would otherwise never sweep.
  const stopScheduling = await keepJobScheduler(
    deps.enqueuer.queue('maintenance'),
    deps.redis,
    'maintenance.sweep',
    SWEEP_EVERY_MS,
    { name: 'maintenance.sweep', data: {} },
  );
  return {
    async close() {
      stopScheduling();
      await mailReaders.close();
      await Promise.all(workers.map((worker) => worker.close()));
      closeEmailTransports();
      for (const connection of connections) connection.disconnect();
    },
  };
}
