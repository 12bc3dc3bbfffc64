import type { Redis } from 'ioredis';
import { SOCKET_STALE_MS } from './presence-sockets';

/**
 * Which web chat visitors hold a live widget socket, across every api instance. Same scheme
 * as the agents' (presence-sockets.ts): one sorted set per visitor, connection id → last
 * heartbeat, refreshed every SOCKET_HEARTBEAT_MS, so a dead instance's sockets go stale.
 * Keys are separate from the agents' so a visitor id can never count as a user's socket.
 * Visitor ids are 128 random bits, unique across inboxes.
 */
const socketsKey = (prefix: string, visitorId: string) =>
  `${prefix}:presence:visitor-sockets:${visitorId}`;
/** When the visitor's last socket closed (ms): an abandonment timer older than it is void. */
const leftKey = (prefix: string, visitorId: string) =>
  `${prefix}:presence:visitor-left:${visitorId}`;
const LEFT_TTL_MS = 24 * 3600 * 1000;

export async function touchVisitorSockets(
  redis: Redis,
  prefix: string,
  sockets: Array<{ visitorId: string; connectionId: string }>,
  now = Date.now(),
): Promise<void> {
  if (sockets.length === 0) return;
  const pipeline = redis.pipeline();
  for (const { visitorId, connectionId } of sockets) {
    pipeline.zadd(socketsKey(prefix, visitorId), now, connectionId);
    pipeline.pexpire(socketsKey(prefix, visitorId), SOCKET_STALE_MS * 2);
  }
  await pipeline.exec();
}

/** How many sockets the visitor holds anywhere, not counting stale entries. */
export async function liveVisitorSocketCount(
  redis: Redis,
  prefix: string,
  visitorId: string,
  now = Date.now(),
): Promise<number> {
  const key = socketsKey(prefix, visitorId);
  await redis.zremrangebyscore(key, '-inf', now - SOCKET_STALE_MS);
  return redis.zcard(key);
}

/**
 * Drops one socket. When it was the visitor's last, records the departure time and returns
 * it; returns null while another socket (another tab, another instance) is still live.
 */
export async function dropVisitorSocket(
  redis: Redis,
  prefix: string,
  visitorId: string,
  connectionId: string,
  now = Date.now(),
): Promise<number | null> {
  await redis.zrem(socketsKey(prefix, visitorId), connectionId);
  if ((await liveVisitorSocketCount(redis, prefix, visitorId, now)) > 0) return null;
  await redis.set(leftKey(prefix, visitorId), String(now), 'PX', LEFT_TTL_MS);
  return now;
}

/** When the visitor's last socket last closed, or null if unknown. */
export async function lastVisitorDeparture(
  redis: Redis,
  prefix: string,
  visitorId: string,
): Promise<number | null> {
  const value = await redis.get(leftKey(prefix, visitorId));
  return value === null ? null : Number(value);
}
