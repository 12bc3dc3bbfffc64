import { randomUUID } from 'node:crypto';
import {
  findVisitorLiveConversation,
  findWebchatInbox,
  runOperation,
  verifyVisitorToken,
  visitorReturned,
  visitorHints,
  type WebchatInbox,
} from '@switchboard/domain';
import {
  dropVisitorSocket,
  realtimeChannel,
  SOCKET_HEARTBEAT_MS,
  touchVisitorSockets,
  type RealtimeEvent,
} from '@switchboard/queue';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { ApiDeps } from '../deps';

export interface Visitor {
  /** This socket's entry in the visitor's cross-instance socket set. */
  connectionId: string;
  socket: WebSocket;
  inbox: WebchatInbox;
  visitorId: string;
  lastTypingAt: number;
}

/** A typing hint at most this often per socket: agents need "is typing", not every key. */
const TYPING_EVERY_MS = 2000;
/** Visitors only ever send tiny control frames. */
const MAX_FRAME_CHARS = 1000;

/**
 * Web chat visitors' websockets (the widget). Authenticated by the visitor token, never by a
 * cookie. They hear id-only hints about their own conversations from the same Redis channel as
 * the agents, report typing, and their presence decides when a conversation left in the queue
 * is abandoned. Needs @fastify/websocket registered in a parent scope.
 */
export async function webchatSocketPlugin(app: FastifyInstance, { deps }: { deps: ApiDeps }) {
  const visitors = new Set<Visitor>();
  const prefix = deps.config.QUEUE_PREFIX;
  const channel = realtimeChannel(prefix);
  const log = (what: string) => (error: unknown) => app.log.warn({ error: String(error) }, what);

  const subscriber = deps.subscriber;
  if (subscriber.status !== 'ready')
    await new Promise((resolve) => subscriber.once('ready', resolve));
  // The agents' plugin subscribes too; subscribing twice to one channel is harmless.
  await subscriber.subscribe(channel);
  let delivered: Promise<void> = Promise.resolve();
  const onMessage = (from: string, payload: string) => {
    if (from !== channel || visitors.size === 0) return;
    let events: RealtimeEvent[];
    try {
      events = JSON.parse(payload) as RealtimeEvent[];
    } catch {
      return;
    }
    delivered = delivered.then(() => deliver(events)).catch(log('webchat hint delivery failed'));
  };
  subscriber.on('message', onMessage);

  async function deliver(events: RealtimeEvent[]) {
    for (const { visitor, hint } of await visitorHints(deps.database.db, visitors, events)) {
      if (visitor.socket.readyState !== visitor.socket.OPEN) continue;
      visitor.socket.send(JSON.stringify(hint));
    }
  }

  app.get<{ Querystring: { token?: string } }>(
    '/webchat/socket',
    { websocket: true, schema: { hide: true } },
    async (socket, request) => {
      const token = verifyVisitorToken(deps.config.SECRET_KEY, request.query.token ?? '');
      const inbox = token && (await findWebchatInbox(deps.database.db, token.inboxId));
      if (!token || !inbox) {
        socket.close(4401, 'invalid_visitor_token');
        return;
      }
      const visitor: Visitor = {
        connectionId: randomUUID(),
        socket,
        inbox,
        visitorId: token.visitorId,
        lastTypingAt: 0,
      };
      visitors.add(visitor);
      // Started before the close listener exists: its Redis write goes out ahead of the removal.
      const arrived = touchVisitorSockets(deps.redis, prefix, [entry(visitor)]).catch(
        log('visitor presence failed'),
      );
      socket.on('message', (data: Buffer) => {
        void onFrame(visitor, data.toString()).catch(log('visitor frame failed'));
      });
      socket.on('close', () => {
        visitors.delete(visitor);
        if (!closing) void arrived.then(() => leave(visitor)).catch(log('visitor leave failed'));
      });
      await arrived;
      // Back from away (same browser, or the link in a follow-up): replies go to the chat again.
      await runOperation(
        deps.domain,
        { workspaceId: inbox.workspaceId, actor: { type: 'system' } },
        (ctx) => visitorReturned({ ctx, input: { inboxId: inbox.id, visitorId: token.visitorId } }),
      ).catch(log('visitor return failed'));
      socket.send(JSON.stringify({ type: 'hello' }));
    },
  );

  async function onFrame(visitor: Visitor, text: string) {
    if (text.length > MAX_FRAME_CHARS) return;
    let frame: { type?: unknown };
    try {
      frame = JSON.parse(text) as { type?: unknown };
    } catch {
      return;
    }
    if (frame?.type !== 'typing') return;
    const now = Date.now();
    if (now - visitor.lastTypingAt < TYPING_EVERY_MS) return;
    visitor.lastTypingAt = now;
    const conversation = await findVisitorLiveConversation(
      deps.database.db,
      visitor.inbox,
      visitor.visitorId,
    );
    if (!conversation) return;
    // Team and holder let the agents' socket plugin pick who may hear it, like any hint.
    await deps.domain.ports.publish([
      {
        type: 'visitor.typing',
        workspaceId: visitor.inbox.workspaceId,
        conversationId: conversation.id,
        assigneeId: conversation.assigneeId,
        teamId: conversation.teamId,
      },
    ]);
  }

  const entry = (visitor: Visitor) => ({
    visitorId: visitor.visitorId,
    connectionId: visitor.connectionId,
  });
  let closing = false;
  const heartbeat = setInterval(() => {
    void touchVisitorSockets(deps.redis, prefix, [...visitors].map(entry)).catch(() => {});
  }, SOCKET_HEARTBEAT_MS);
  heartbeat.unref();

  /**
   * Their last socket anywhere closed: start the grace period, after which a conversation in the
   * queue is abandoned and a taken one is marked away (replies then follow by email or SMS).
   */
  async function leave(visitor: Visitor) {
    const { inbox, visitorId } = visitor;
    const leftAt = await dropVisitorSocket(deps.redis, prefix, visitorId, visitor.connectionId);
    if (leftAt === null) return;
    const conversation = await findVisitorLiveConversation(deps.database.db, inbox, visitorId);
    if (!conversation) return;
    await deps.enqueuer.enqueue(
      'webchat.visitor_gone',
      {
        workspaceId: inbox.workspaceId,
        inboxId: inbox.id,
        conversationId: conversation.id,
        visitorId,
        leftAt,
      },
      { delayMs: inbox.abandonAfterMs },
    );
  }

  app.addHook('onClose', async () => {
    closing = true;
    clearInterval(heartbeat);
    subscriber.off('message', onMessage);
    // Widgets reconnect to another instance; those who do not within the limit are abandoned.
    await Promise.allSettled([...visitors].map(leave));
    for (const visitor of visitors) visitor.socket.close(1001, 'server shutting down');
  });
}
