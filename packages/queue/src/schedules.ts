import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * Registers a repeating job, and registers it again each time `connection` (the queue's own)
 * is ready after a reconnect: a Redis that restarted without persistence, or a replica promoted
 * without the key, has forgotten the schedule, and the sweeper it drives is what recovers the
 * work Redis lost. Upserting is idempotent, so a reconnect to a Redis that kept it changes
 * nothing. Returns a function that stops watching.
 */
export async function keepJobScheduler(
  queue: Queue,
  connection: Redis,
  schedulerId: string,
  everyMs: number,
  template: { name: string; data: Record<string, unknown> },
): Promise<() => void> {
  const upsert = () => queue.upsertJobScheduler(schedulerId, { every: everyMs }, template);
  await upsert();
  const onReady = () => {
    // A failure here means Redis went away again; the next `ready` tries once more.
    upsert().catch(() => {});
  };
  connection.on('ready', onReady);
  return () => connection.off('ready', onReady);
}
