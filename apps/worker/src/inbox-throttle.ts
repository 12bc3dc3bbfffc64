import type { Redis } from 'ioredis';

/**
 * A pause per inbox after the provider said "too many requests" (WhatsApp 130429/131056,
 * HTTP 429). Every send of that inbox waits it out instead of hammering the provider, while
 * other inboxes keep sending.
 */
export function inboxThrottle(redis: Redis, prefix: string) {
  const key = (inboxId: string) => `${prefix}:throttle:${inboxId}`;
  return {
    /** Milliseconds this inbox must still wait; 0 when it may send. */
    async remainingMs(inboxId: string): Promise<number> {
      return Math.max(0, await redis.pttl(key(inboxId)));
    },
    async pause(inboxId: string, ms: number): Promise<void> {
      // NX keeps the first pause: a burst of refusals must not push the end further out.
      await redis.set(key(inboxId), '1', 'PX', Math.max(1, Math.round(ms)), 'NX');
    },
  };
}
