import websocket from '@fastify/websocket';
import { schema } from '@switchboard/db';
import type { Principal } from '@switchboard/domain';
import { realtimeChannel, type RealtimeEvent } from '@switchboard/queue';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { ApiDeps } from '../deps';

interface Client {
  socket: WebSocket;
  principal: Principal;
  teamIds: Set<string>;
}

/**
 * Agents hear about their own conversations and their teams' (a colleague accepting one
 * changes their Waiting tab); staff hear the whole workspace. Hints carry only ids: the client
 * refetches and the API decides what it may see.
 */
function mayHear(client: Client, event: RealtimeEvent): boolean {
  if (client.principal.workspaceId !== event.workspaceId) return false;
  if (client.principal.role !== 'agent') return true;
  if (event.assigneeId === client.principal.id) return true;
  // Delivery and file updates name no team; they only ever refresh a thread the agent has open.
  if (event.teamId === undefined) return true;
  return event.teamId === null || client.teamIds.has(event.teamId);
}

/**
 * Agents' websockets. Workers publish small hints on Redis; every api instance subscribes and
 * forwards them to its own sockets, so fan-out works across instances.
 */
export async function realtimePlugin(app: FastifyInstance, { deps }: { deps: ApiDeps }) {
  await app.register(websocket);
  const clients = new Set<Client>();
  const channel = realtimeChannel(deps.config.QUEUE_PREFIX);

  await deps.subscriber.subscribe(channel);
  deps.subscriber.on('message', (from, payload) => {
    if (from !== channel) return;
    let events: RealtimeEvent[];
    try {
      events = JSON.parse(payload) as RealtimeEvent[];
    } catch {
      return;
    }
    for (const client of clients) {
      const audible = events.filter((event) => mayHear(client, event));
      if (audible.length === 0 || client.socket.readyState !== client.socket.OPEN) continue;
      for (const event of audible) {
        client.socket.send(
          JSON.stringify({
            type: event.type,
            conversationId: event.conversationId,
            messageId: event.messageId,
            version: event.version,
          }),
        );
      }
    }
  });

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
      socket,
      principal,
      teamIds: new Set(memberships.map((row) => row.teamId)),
    };
    clients.add(client);
    socket.on('close', () => clients.delete(client));
    socket.send(JSON.stringify({ type: 'hello' }));
  });

  app.addHook('onClose', async () => {
    for (const client of clients) client.socket.close(1001, 'server shutting down');
    await deps.subscriber.unsubscribe(channel).catch(() => {});
  });
}
