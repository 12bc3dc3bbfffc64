import type { JobName, JobPayload } from '@switchboard/queue';
import type { Job } from 'bullmq';
import type { WorkerDeps } from './deps';

export type Processor<K extends JobName> = (
  job: Job<JobPayload<K>, unknown, K>,
  deps: WorkerDeps,
  /** The lock token BullMQ hands the processor; needed to move a job back to delayed. */
  token?: string,
) => Promise<unknown>;
