import { createHash } from 'node:crypto';
import { TooMany } from '@switchboard/domain';
import type { Redis } from 'ioredis';

/** Wrong passwords for one account before it is locked, and how long a lock (and the count) lasts. */
export const MAX_FAILED_LOGINS = 10;
const LOCK_SECONDS = 15 * 60;

/**
 * Locks an account after repeated wrong passwords, from any address: the per-address rate limit
 * slows one guesser, this stops many. Counted per email typed, whether or not it exists, so the
 * answer never tells which accounts exist. Kept in Redis, shared by every api instance.
 */
export function loginLockout(redis: Redis, prefix: string) {
  const key = (email: string) =>
    `${prefix}:login-failures:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;

  return {
    /** Throws 429 while the account is locked. */
    async assertOpen(email: string): Promise<void> {
      const failures = Number((await redis.get(key(email))) ?? 0);
      if (failures < MAX_FAILED_LOGINS) return;
      const seconds = Math.max(1, await redis.ttl(key(email)));
      throw TooMany(
        'account_locked',
        `Too many wrong passwords for this account. Try again in ${Math.ceil(seconds / 60)} minutes.`,
      );
    },
    async failed(email: string): Promise<void> {
      // The window starts at the first failure and is not extended by later ones.
      await redis.multi().set(key(email), '0', 'EX', LOCK_SECONDS, 'NX').incr(key(email)).exec();
    },
    async succeeded(email: string): Promise<void> {
      await redis.del(key(email));
    },
  };
}
