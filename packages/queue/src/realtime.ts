import type { Redis } from 'ioredis';
import type { Enqueuer } from './queues';

/** Small hints; clients refetch what they show. */
export interface RealtimeEvent {
  type:
    | 'conversation.updated'
    | 'message.created'
    | 'message.updated'
    | 'agent.updated'
    | 'notification.created'
    /** A web chat visitor is typing in the conversation; agents who may see it hear it. */
    | 'visitor.typing'
    /**
     * An agent is typing in a web chat conversation (`userId`): only its visitor hears it, with
     * the agent's name; agents' sockets never forward it.
     */
    | 'agent.typing'
    /** A team's members changed: api instances re-read memberships; never sent to sockets. */
    | 'team.members_changed';
  workspaceId: string;
  /** Absent on hints about a person rather than a conversation (`agent.updated`). */
  conversationId?: string;
  /**
   * `agent.updated`: whose presence or load changed; staff and that user hear it.
   * `notification.created`: whose notification it is; only that user hears it.
   * `agent.typing`: who is typing.
   */
  userId?: string;
  messageId?: string;
  /** Who may care: agents get hints for their own conversations and their teams' queues. */
  assigneeId?: string | null;
  teamId?: string | null;
  /**
   * Who else hears a conversation's hint: its invited or joined guests (and, once it is
   * closed, everyone who took part), and the previous holder when it changed hands.
   */
  audienceUserIds?: string[];
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
