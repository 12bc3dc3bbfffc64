import type { Redis } from 'ioredis';
import type { Enqueuer } from './queues';

/** Small hints; clients refetch what they show. */
export interface RealtimeEvent {
  type: 'conversation.updated' | 'message.created' | 'message.updated';
  workspaceId: string;
  conversationId: string;
  messageId?: string;
  /** Who may care: agents get hints for their own conversations and their teams' queues. */
  assigneeId?: string | null;
  teamId?: string | null;
  version?: number;
}

export const realtimeChannel = (prefix: string) => `${prefix}:realtime`;

export async function publishRealtime(
  redis: Redis,
  prefix: string,
  events: RealtimeEvent[],
): Promise<void> {
  if (events.length === 0) return;
  // One publish per batch keeps the Redis round trips independent of the batch size.
  await redis.publish(realtimeChannel(prefix), JSON.stringify(events));
}

/** What the domain needs from queues and pub/sub, bound to one Redis and key prefix. */
export function createPorts(
  enqueuer: Enqueuer,
  redis: Redis,
  prefix: string,
): Pick<Enqueuer, 'enqueue' | 'revive'> & { publish(events: RealtimeEvent[]): Promise<void> } {
  return {
    enqueue: (name, payload, options) => enqueuer.enqueue(name, payload, options),
    revive: (name, payload) => enqueuer.revive(name, payload),
    publish: (events) => publishRealtime(redis, prefix, events),
  };
}
