import type { Redis } from 'ioredis';

/** Extends the lease only while it is still ours: a lease that expired may belong to another worker. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0`;

/**
 * The right to read one inbox's mailbox. Workers share Redis, so whoever sets the key first
 * reads; the holder renews it, and when its process dies the key expires and another worker
 * takes over. The key holds the holder's token, so nobody renews or drops a lease not theirs.
 */
export interface InboxLease {
  /** True when this worker holds the lease afterwards (newly or already). */
  acquire(): Promise<boolean>;
  /** False when the lease was lost (expired and taken, or Redis forgot it). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export function inboxLease(
  redis: Redis,
  options: { prefix: string; inboxId: string; token: string; ttlMs: number },
): InboxLease {
  const key = `${options.prefix}:mail-reader:${options.inboxId}`;
  const ttl = String(options.ttlMs);
  // The shared connection queues commands while Redis is away; a lease decision cannot wait that long.
  const bounded = <T>(command: Promise<T>) => withTimeout(command, options.ttlMs / 3);
  return {
    async acquire() {
      const set = await bounded(redis.set(key, options.token, 'PX', options.ttlMs, 'NX'));
      if (set === 'OK') return true;
      return (await bounded(redis.eval(RENEW, 1, key, options.token, ttl))) === 1;
    },
    async renew() {
      return (await bounded(redis.eval(RENEW, 1, key, options.token, ttl))) === 1;
    },
    async release() {
      await bounded(redis.eval(RELEASE, 1, key, options.token));
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
