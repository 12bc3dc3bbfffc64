import { Redis } from 'ioredis';
import { incomingSmsFields, newMessageSid, TwilioWebhookClient } from '../lib/twilio-client';
import { sleep } from './engines';
import type { ChaosSystem } from './system';

export interface HealthAfter {
  /** Each api instance's /readyz answered 200. */
  apisReady: boolean[];
  /** The periodic sweeper is scheduled in Redis again. */
  sweeperScheduled: boolean;
  /** A new customer message became a message in a conversation. */
  freshInboundStored: boolean;
  /** An agent's reply to it reached the customer and came back delivered. */
  freshReplyDelivered: boolean;
  seconds: number;
}

/**
 * Healthy without a manual step: both apis ready, the sweeper scheduled, and a new customer
 * message and its reply flowing end to end through the balancer.
 */
export async function checkHealth(system: ChaosSystem, tag: string): Promise<HealthAfter> {
  const startedAt = Date.now();
  const apisReady = await Promise.all(
    system.apiUrls.map((url) =>
      fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) }).then(
        (response) => response.ok,
        () => false,
      ),
    ),
  );
  const redis = new Redis(system.redis.url, { maxRetriesPerRequest: 1 });
  const sweeperScheduled = (await redis.zcard(`${system.queuePrefix}:maintenance:repeat`)) > 0;
  redis.disconnect();

  const client = new TwilioWebhookClient(system.balancer.url, 1);
  const sid = newMessageSid();
  const body = `Fresh message after the chaos ${tag}`;
  const status = await client.post(
    system.inbox,
    incomingSmsFields(system.inbox, '+12029999999', body, sid),
  );
  client.close();
  let conversationId: string | null = null;
  for (let attempt = 0; status === 200 && attempt < 100 && !conversationId; attempt++) {
    const [row] = await system.sql<Array<{ conversation_id: string }>>`
      select conversation_id from messages where provider_message_id = ${sid}`;
    conversationId = row?.conversation_id ?? null;
    if (!conversationId) await sleep(200);
  }
  const freshReplyDelivered = conversationId
    ? await replyAndWait(system, conversationId, `Fresh reply ${tag}`)
    : false;
  return {
    apisReady,
    sweeperScheduled,
    freshInboundStored: conversationId !== null,
    freshReplyDelivered,
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
  };
}

async function replyAndWait(system: ChaosSystem, conversationId: string, text: string) {
  const base = `${system.balancer.url}/api/v1`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: system.agentEmails[0], password: system.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  // Already open when the customer wrote into a conversation an agent holds.
  await post(`/conversations/${conversationId}/accept`, {});
  const sent = await post(`/conversations/${conversationId}/messages`, { text });
  if (sent.status !== 201) return false;
  const { id } = (await sent.json()) as { id: string };
  for (let attempt = 0; attempt < 100; attempt++) {
    const [row] = await system.sql<Array<{ status: string }>>`
      select status from messages where id = ${id}`;
    if (row?.status === 'delivered' || row?.status === 'read') return true;
    await sleep(200);
  }
  return false;
}
