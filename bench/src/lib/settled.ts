import { queueNames } from '@switchboard/queue';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type postgres from 'postgres';
import { waitUntil } from './wait';

/**
 * Waits until every stored provider event is processed. The pending-events index makes each
 * look nearly free, so polling does not steal the CPU being measured.
 */
export async function allEventsProcessed(sql: postgres.Sql, timeoutMs = 600_000): Promise<void> {
  await waitUntil(
    async () => {
      const [row] = await sql<{ pending: boolean }[]>`select exists (
        select 1 from inbound_events where processed_at is null) as pending`;
      return !row!.pending;
    },
    { timeoutMs, everyMs: 100, what: 'every stored event processed' },
  );
}

/**
 * Waits until no job waits or runs in any queue (at most `timeoutMs`): the follow-up work of
 * a burst (assignment runs, automatic replies) would otherwise share the CPU with what is
 * measured next. Jobs delayed for a retry are not waited for.
 */
export async function queuesIdle(
  redisUrl: string,
  prefix: string,
  timeoutMs = 120_000,
): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = queueNames.map((name) => new Queue(name, { connection, prefix }));
  try {
    await waitUntil(
      async () => {
        const counts = await Promise.all(
          queues.map((queue) => queue.getJobCounts('waiting', 'active', 'prioritized')),
        );
        return counts.every((count) => Object.values(count).every((n) => n === 0));
      },
      { timeoutMs, everyMs: 250, what: 'every queue idle' },
    );
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    connection.disconnect();
  }
}
