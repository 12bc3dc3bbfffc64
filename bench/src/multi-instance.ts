// `npm run bench -- multi-instance`: the same burst against one api + one worker, then against
// two of each behind the same Postgres and Redis (webhooks spread over both apis) → throughput
// scaling; then agents split over both apis while webhooks reach either → fan-out across
// instances: every agent must hear of every message, whichever api took the webhook.
import { performance } from 'node:perf_hooks';
import { connectAgent, signIn } from './lib/agents';
import { drive } from './ingest/drive';
import { planMessages } from './ingest/plan';
import { freePort, startApi, startWorker, type RunningProcess } from './lib/processes';
import { writeResults } from './lib/results';
import { prepareStack } from './lib/stack';
import { round } from './lib/stats';
import { p, pacedRun } from './realtime/paced-run';
import { TwilioWebhookClient } from './lib/twilio-client';
import { allEventsProcessed, queuesIdle } from './lib/settled';
import { option } from './lib/wait';
import { benchWorkspace } from './lib/workspace';

const MESSAGES = Number(option('messages') ?? 10_000);
// Below what the machine sustains, so the figure is the fan-out path and not a backlog.
const FAN_OUT_RATE = Number(option('rate') ?? 50);
const FAN_OUT_SECONDS = 20;
const AGENTS = 50;
const NOWHERE = 'http://127.0.0.1:9';

const stack = await prepareStack('multi_instance');
const workspace = await benchWorkspace(stack, AGENTS);
const running: RunningProcess[] = [];
const { sql } = stack.database;

const storedCount = async () => {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from messages
    where inbox_id = ${workspace.inbox.id} and direction = 'inbound'`;
  return row!.n;
};

/** Sends a burst over `apis` and returns messages per second until every one is stored. */
async function burst(client: TwilioWebhookClient, apis: RunningProcess[], offset: number) {
  const before = await storedCount();
  const run = await drive(client, workspace.inbox, planMessages(MESSAGES, 4, offset), {
    clients: 64,
    targets: apis.map((api) => api.url),
  });
  await allEventsProcessed(sql);
  const perSecond = run.ackMs.length / ((performance.now() - run.startedAt) / 1000);
  const missing = before + run.ackMs.length - (await storedCount());
  if (missing !== 0) throw new Error(`${missing} acknowledged messages were not stored`);
  return perSecond;
}

try {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  // Every instance answers for the same public address, as behind a load balancer.
  const env = stack.env({
    TWILIO_API_BASE: NOWHERE,
    META_GRAPH_BASE: NOWHERE,
    PUBLIC_URL: publicUrl,
  });
  const api1 = await startApi('api-1', env, port);
  running.push(api1, await startWorker('worker-1', env));
  const client = new TwilioWebhookClient(publicUrl, 64);
  await drive(client, workspace.inbox, planMessages(300, 1, 2_000_000), { clients: 16 });
  await allEventsProcessed(sql);

  console.log(`${MESSAGES} webhooks, one api and one worker…`);
  const single = await burst(client, [api1], 0);
  const api2 = await startApi('api-2', env, await freePort());
  running.push(api2, await startWorker('worker-2', env));
  console.log(`${MESSAGES} webhooks, two apis and two workers…`);
  const double = await burst(client, [api1, api2], 100_000);

  // The bursts' follow-up jobs run first: the fan-out is measured on a settled system.
  await queuesIdle(stack.redisUrl, stack.queuePrefix);

  // Fan-out: half the agents on each api; each hint must reach all of them.
  const heard = new Map<string, number[]>();
  const sockets = [];
  for (const [seat, agent] of workspace.agents.entries()) {
    const api = seat % 2 === 0 ? api1 : api2;
    const cookie = await signIn(api.url, agent.email, seat);
    sockets.push(
      await connectAgent(api.url, cookie, (hint, at) => {
        if (hint.type !== 'message.created' || !hint.messageId) return;
        heard.set(hint.messageId, [...(heard.get(hint.messageId) ?? []), at]);
      }),
    );
  }
  const fanOut = await pacedRun({
    client,
    inbox: workspace.inbox,
    sql,
    heard,
    agents: AGENTS,
    rate: FAN_OUT_RATE,
    seconds: FAN_OUT_SECONDS,
    customerOffset: 200_000,
    targets: [api1.url, api2.url],
  });
  for (const socket of sockets) socket.close();
  client.close();

  writeResults({
    part: 'multi-instance',
    setup: {
      burst: `${MESSAGES} signed webhooks from 64 clients, per configuration`,
      'fan-out': `${FAN_OUT_RATE * FAN_OUT_SECONDS} webhooks at ${FAN_OUT_RATE}/s spread over 2 apis; ${AGENTS} agents, half on each api`,
      machine:
        'every process on the same 2 cores, so a second pair shares the CPU rather than adding any',
    },
    measurements: [
      { metric: 'throughput, 1 api + 1 worker', value: Math.round(single), unit: 'msg/s' },
      { metric: 'throughput, 2 apis + 2 workers', value: Math.round(double), unit: 'msg/s' },
      { metric: 'scaling', value: round(double / single, 2), unit: '×' },
      {
        metric: 'hints missing across instances',
        value: fanOut.missing,
        unit: 'hints',
        target: { kind: 'max', value: 0 },
      },
      {
        metric: 'cross-instance webhook → agent socket p50',
        value: p(fanOut.latencies, 50),
        unit: 'ms',
      },
      {
        metric: 'cross-instance webhook → agent socket p99',
        value: p(fanOut.latencies, 99),
        unit: 'ms',
        target: { kind: 'max', value: 200 },
      },
    ],
  });
} finally {
  for (const child of running.reverse()) await child.stop();
  await stack.close();
}
