import type { Redis } from 'ioredis';

/**
 * Which users hold a live websocket, across every api instance: one sorted set per user,
 * connection id → last heartbeat (ms). An instance that dies stops refreshing its entries,
 * so they go stale instead of keeping the user online forever.
 */
export const SOCKET_HEARTBEAT_MS = 20_000;
/** An entry not refreshed for this long belongs to a dead instance. */
export const SOCKET_STALE_MS = 3 * SOCKET_HEARTBEAT_MS;

const socketsKey = (prefix: string, userId: string) => `${prefix}:presence:sockets:${userId}`;

/** Records (or refreshes) live sockets; the key outlives a dead instance only briefly. */
export async function touchSockets(
  redis: Redis,
  prefix: string,
  sockets: Array<{ userId: string; connectionId: string }>,
  now = Date.now(),
): Promise<void> {
  if (sockets.length === 0) return;
  const pipeline = redis.pipeline();
  for (const { userId, connectionId } of sockets) {
    pipeline.zadd(socketsKey(prefix, userId), now, connectionId);
    pipeline.pexpire(socketsKey(prefix, userId), SOCKET_STALE_MS * 2);
  }
  await pipeline.exec();
}

export async function dropSocket(
  redis: Redis,
  prefix: string,
  userId: string,
  connectionId: string,
): Promise<void> {
  await redis.zrem(socketsKey(prefix, userId), connectionId);
}

/** How many sockets the user holds anywhere, not counting stale entries. */
export async function liveSocketCount(
  redis: Redis,
  prefix: string,
  userId: string,
  now = Date.now(),
): Promise<number> {
  const key = socketsKey(prefix, userId);
  await redis.zremrangebyscore(key, '-inf', now - SOCKET_STALE_MS);
  return redis.zcard(key);
}
