import { randomUUID } from 'node:crypto';
import { schema } from '@switchboard/db';
import {
  agentTypingEvent,
  returnFromAutoAway,
  runOperation,
  type Principal,
} from '@switchboard/domain';
import {
  dropSocket,
  liveSocketCount,
  realtimeChannel,
  SOCKET_HEARTBEAT_MS,
  touchSockets,
  type RealtimeEvent,
} from '@switchboard/queue';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { ApiDeps } from '../deps';

interface Client {
  /** This socket's entry in the user's cross-instance socket set. */
  connectionId: string;
  socket: WebSocket;
  principal: Principal;
  teamIds: Set<string>;
  /** When this socket last had a typing frame published (ms since epoch). */
  lastTypingAt: number;
}

/** A typing hint at most this often per socket: the visitor needs "is typing", not every key. */
const TYPING_EVERY_MS = 2000;
/** Agents only ever send tiny control frames. */
const MAX_FRAME_CHARS = 1000;
const typingFrame = z.object({ type: z.literal('typing'), conversationId: z.uuid() });

/**
 * Agents hear about their own conversations and their teams' (a colleague accepting one
 * changes their Waiting tab); staff hear the whole workspace. Hints carry only ids: the client
 * refetches and the API decides what it may see.
 */
function mayHear(client: Client, event: RealtimeEvent): boolean {
  if (client.principal.workspaceId !== event.workspaceId) return false;
  if (event.type === 'notification.created') return event.userId === client.principal.id;
  // A person's presence or load: staff watch everyone, an agent only hears about themself.
  if (event.type === 'agent.updated')
    return client.principal.role !== 'agent' || event.userId === client.principal.id;
  // Members changes are for the api instances; an agent's typing is for the web chat visitor.
  if (event.type === 'team.members_changed' || event.type === 'agent.typing') return false;
  if (client.principal.role !== 'agent') return true;
  if (event.assigneeId === client.principal.id) return true;
  // Its guests, and the agent who just handed it on.
  if (event.audienceUserIds?.includes(client.principal.id)) return true;
  // Delivery and file updates name no team; they only ever refresh a thread the agent has open.
  if (event.teamId === undefined) return true;
  return event.teamId === null || client.teamIds.has(event.teamId);
}

/** What a socket is told of an event: ids only. */
const hintJson = (event: RealtimeEvent) =>
  JSON.stringify({
    type: event.type,
    conversationId: event.conversationId,
    messageId: event.messageId,
    version: event.version,
    userId: event.userId,
  });

/**
 * Agents' websockets. Workers publish small hints on Redis; every api instance subscribes and
 * forwards them to its own sockets, so fan-out works across instances. @fastify/websocket is
 * registered once by the parent scope (app.ts), shared with the web chat visitors' sockets.
 */
export async function realtimePlugin(app: FastifyInstance, { deps }: { deps: ApiDeps }) {
  const clients = new Set<Client>();
  const channel = realtimeChannel(deps.config.QUEUE_PREFIX);

  // ioredis ≥ 5.8.2 can interleave a SUBSCRIBE sent while connecting with its INFO ready
  // check; the connection then resets and the subscription is silently lost (ioredis#2037).
  const subscriber = deps.subscriber;
  if (subscriber.status !== 'ready')
    await new Promise((resolve) => subscriber.once('ready', resolve));
  await subscriber.subscribe(channel);
  /** A socket's teams are read when it connects and again whenever its workspace's teams change. */
  async function refreshTeams(workspaceId: string) {
    const rows = await deps.database.db
      .select({ userId: schema.teamMembers.userId, teamId: schema.teamMembers.teamId })
      .from(schema.teamMembers)
      .where(eq(schema.teamMembers.workspaceId, workspaceId));
    for (const client of clients) {
      if (client.principal.workspaceId !== workspaceId) continue;
      client.teamIds = new Set(
        rows.filter((row) => row.userId === client.principal.id).map((row) => row.teamId),
      );
    }
  }

  // Batches are handled in arrival order: a membership change applies to the hints after it.
  let delivered: Promise<void> = Promise.resolve();
  deps.subscriber.on('message', (from, payload) => {
    if (from !== channel) return;
    let events: RealtimeEvent[];
    try {
      events = JSON.parse(payload) as RealtimeEvent[];
    } catch {
      return;
    }
    delivered = delivered
      .then(() => deliver(events))
      .catch((error: unknown) =>
        app.log.warn({ error: String(error) }, 'realtime delivery failed'),
      );
  });

  async function deliver(events: RealtimeEvent[]) {
    const changed = new Set(
      events.filter((event) => event.type === 'team.members_changed').map((e) => e.workspaceId),
    );
    for (const workspaceId of changed) await refreshTeams(workspaceId);
    // A worker's batch brings many hints for many sockets: each is serialized once, and each
    // socket gets its share in one frame (an array when there are several).
    const serialized = new Map(events.map((event) => [event, hintJson(event)]));
    for (const client of clients) {
      const audible = events.filter((event) => mayHear(client, event));
      if (audible.length === 0 || client.socket.readyState !== client.socket.OPEN) continue;
      const parts = audible.map((event) => serialized.get(event)!);
      client.socket.send(parts.length === 1 ? parts[0]! : `[${parts.join(',')}]`);
    }
  }

  app.get('/realtime', { websocket: true, schema: { hide: true } }, async (socket, request) => {
    const principal = request.principal;
    if (!principal) {
      socket.close(4401, 'unauthorized');
      return;
    }
    const memberships = await deps.database.db
      .select({ teamId: schema.teamMembers.teamId })
      .from(schema.teamMembers)
      .where(eq(schema.teamMembers.userId, principal.id));
    const client: Client = {
      connectionId: randomUUID(),
      socket,
      principal,
      teamIds: new Set(memberships.map((row) => row.teamId)),
      lastTypingAt: 0,
    };
    clients.add(client);
    const logFailure = (error: unknown) =>
      request.log.warn({ error: String(error) }, 'presence bookkeeping failed');
    socket.on('message', (data: Buffer) => {
      void onFrame(client, data.toString()).catch((error: unknown) =>
        request.log.warn({ error: String(error) }, 'agent frame failed'),
      );
    });
    // Started before the close listener exists: its Redis write goes out ahead of the removal.
    const arrived = socketArrived(client).catch(logFailure);
    socket.on('close', () => {
      clients.delete(client);
      void arrived.then(() => socketGone(client)).catch(logFailure);
    });
    socket.send(JSON.stringify({ type: 'hello' }));
    await arrived;
  });

  /** Typing in a web chat conversation the agent may write in becomes a hint for its visitor. */
  async function onFrame(client: Client, text: string) {
    if (text.length > MAX_FRAME_CHARS) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    const frame = typingFrame.safeParse(parsed);
    if (!frame.success) return;
    const now = Date.now();
    if (now - client.lastTypingAt < TYPING_EVERY_MS) return;
    client.lastTypingAt = now;
    const event = await agentTypingEvent(
      deps.database.db,
      client.principal,
      frame.data.conversationId,
    );
    if (event) await deps.domain.ports.publish([event]);
  }

  // Presence across instances: each live socket refreshes its entry in Redis, so an agent
  // connected to any instance counts as present and a dead instance's sockets go stale.
  const prefix = deps.config.QUEUE_PREFIX;
  const entry = (client: Client) => ({
    userId: client.principal.id,
    connectionId: client.connectionId,
  });
  let closing = false;
  const heartbeat = setInterval(() => {
    void touchSockets(deps.redis, prefix, [...clients].map(entry)).catch(() => {});
  }, SOCKET_HEARTBEAT_MS);
  heartbeat.unref();

  async function socketArrived(client: Client) {
    await touchSockets(deps.redis, prefix, [entry(client)]);
    // Switchboard set them away when their sockets dropped; a returning socket undoes it.
    await runOperation(
      deps.domain,
      { workspaceId: client.principal.workspaceId, actor: { type: 'system' } },
      (ctx) => returnFromAutoAway({ ctx, input: { userId: client.principal.id } }),
    );
  }

  async function socketGone(client: Client) {
    // Shutting down: onClose has already done this for every socket.
    if (closing) return;
    await leave(client);
  }

  /** The socket is gone; if it was the user's last anywhere, start the grace period. */
  async function leave(client: Client) {
    const { id: userId, workspaceId } = client.principal;
    await dropSocket(deps.redis, prefix, userId, client.connectionId);
    if ((await liveSocketCount(deps.redis, prefix, userId)) > 0) return;
    await deps.enqueuer.enqueue(
      'presence.grace',
      { workspaceId, userId },
      { delayMs: deps.config.PRESENCE_GRACE_MS },
    );
  }

  app.addHook('onClose', async () => {
    closing = true;
    clearInterval(heartbeat);
    // Clients reconnect to another instance well inside the grace period; those who do not
    // turn away as if their socket had dropped.
    await Promise.allSettled([...clients].map(leave));
    for (const client of clients) client.socket.close(1001, 'server shutting down');
    await deps.subscriber.unsubscribe(channel).catch(() => {});
  });
}
