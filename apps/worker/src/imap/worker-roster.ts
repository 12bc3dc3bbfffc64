import type { Redis } from 'ioredis';
import { withTimeout } from './inbox-lease';

/**
 * The workers currently reading mail, in a Redis sorted set scored by when each one's
 * presence expires. Its size tells each worker its fair share of the mailboxes.
 */
export function workerRoster(
  redis: Redis,
  options: { prefix: string; token: string; presenceMs: number },
) {
  const key = `${options.prefix}:mail-readers`;
  return {
    /** Marks this worker present and returns how many workers are (at least 1). */
    async checkIn(): Promise<number> {
      const now = Date.now();
      const results = await withTimeout(
        redis
          .multi()
          .zadd(key, now + options.presenceMs, options.token)
          .zremrangebyscore(key, '-inf', now)
          .zcard(key)
          .exec(),
        options.presenceMs / 3,
      );
      const count = results?.[2]?.[1];
      return typeof count === 'number' ? Math.max(1, count) : 1;
    },
    async leave(): Promise<void> {
      await withTimeout(redis.zrem(key, options.token), options.presenceMs / 3);
    },
  };
}
