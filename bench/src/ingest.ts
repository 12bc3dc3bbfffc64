// `npm run bench -- ingest`: 20,000 signed Twilio webhooks from 64 concurrent clients against
// one api and one worker process → ack latency, end-to-end throughput, and the postgres.js
// baseline writing the same rows. `--messages N` for a shorter run; `--per-customer N` sets how
// many messages each customer sends (default 4).
import { performance } from 'node:perf_hooks';
import { runBaseline } from './ingest/baseline';
import { drive } from './ingest/drive';
import { planMessages } from './ingest/plan';
import { backendsOf, CpuAccount, processesNamed } from './lib/cpu';
import { freePort, startApi, startWorker } from './lib/processes';
import { writeResults } from './lib/results';
import { prepareStack } from './lib/stack';
import { percentile, round } from './lib/stats';
import { TwilioWebhookClient } from './lib/twilio-client';
import { allEventsProcessed } from './lib/settled';
import { option } from './lib/wait';
import { benchWorkspace } from './lib/workspace';

const MESSAGES = Number(option('messages') ?? 20_000);
const CLIENTS = 64;
/** Messages per customer: the first of each opens a conversation, the rest join it. */
const PER_CUSTOMER = Number(option('per-customer') ?? 4);
const WARM_UP = 500;
/** Outbound provider calls have nowhere to go: nothing leaves the machine. */
const NOWHERE = 'http://127.0.0.1:9';

const stack = await prepareStack('ingest');
const workspace = await benchWorkspace(stack, 5);
const env = stack.env({ TWILIO_API_BASE: NOWHERE, META_GRAPH_BASE: NOWHERE });
const api = await startApi('api', env, await freePort());
const worker = await startWorker('worker', env);
const client = new TwilioWebhookClient(api.url, CLIENTS);
const { sql } = stack.database;

const stored = async () => {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from messages
    where inbox_id = ${workspace.inbox.id} and direction = 'inbound'`;
  return row!.n;
};

try {
  // Warm-up: connections, JIT and caches, from customers the measured run does not use.
  await drive(client, workspace.inbox, planMessages(WARM_UP, 1, 1_000_000), { clients: CLIENTS });
  await allEventsProcessed(sql);

  console.log(`Sending ${MESSAGES} webhooks from ${CLIENTS} clients…`);
  const plan = planMessages(MESSAGES, PER_CUSTOMER);
  const roles = () =>
    backendsOf(sql).then((backends) => ({
      api: [api.child.pid!],
      worker: [worker.child.pid!],
      'Postgres (this database)': backends,
      redis: processesNamed('redis-server'),
      'load generator': [process.pid],
    }));
  const cpu = new CpuAccount(await roles());
  const run = await drive(client, workspace.inbox, plan, { clients: CLIENTS });
  // Every acknowledged webhook is a stored event: done when none is left to process.
  await allEventsProcessed(sql);
  const routedAt = performance.now();
  const missing = WARM_UP + run.ackMs.length - (await stored());
  if (missing !== 0) throw new Error(`${missing} acknowledged messages were not stored`);
  const cpuUsed = cpu.used(await roles());
  const seconds = (routedAt - run.startedAt) / 1000;
  const throughput = run.ackMs.length / seconds;
  const ackRate = run.ackMs.length / ((run.finishedAt - run.startedAt) / 1000);
  const [routing] = await sql<{ conversations: number; unrouted: number }[]>`
    select count(*)::int as conversations, count(*) filter (where team_id is null)::int as unrouted
    from conversations where inbox_id = ${workspace.inbox.id}`;

  await worker.stop();
  await api.stop();

  console.log('Baseline: the same rows straight to Postgres…');
  const baselineStack = await prepareStack('ingest_baseline');
  const baselineWorkspace = await benchWorkspace(baselineStack, 0);
  const baseline = await runBaseline(
    {
      databaseUrl: baselineStack.databaseUrl,
      workspaceId: baselineWorkspace.workspaceId,
      inboxId: baselineWorkspace.inbox.id,
      teamId: baselineWorkspace.teamId,
    },
    planMessages(MESSAGES, PER_CUSTOMER),
    16,
  );
  await baselineStack.close();

  const refused = Object.entries(run.refused).map(([status, count]) => `${count}×${status}`);
  writeResults({
    part: 'ingest',
    setup: {
      webhooks: MESSAGES,
      'concurrent clients': CLIENTS,
      customers: Math.ceil(MESSAGES / PER_CUSTOMER),
      processes: '1 api, 1 worker (default settings), Postgres and Redis on the same machine',
      'conversations created': routing!.conversations,
      'left unrouted': routing!.unrouted,
      'webhooks refused': refused.length ? refused.join(', ') : 'none',
      'CPU seconds by process': Object.entries(cpuUsed)
        .map(([role, used]) => `${role} ${used}`)
        .join(', '),
      'CPU ms per message': Object.entries(cpuUsed)
        .map(([role, used]) => `${role} ${round((used * 1000) / run.ackMs.length, 2)}`)
        .join(', '),
      'wall seconds': round(seconds),
      'baseline CPU ms per message': Object.entries(baseline.cpuMsPerMessage)
        .map(([role, ms]) => `${role} ${round(ms, 2)}`)
        .join(', '),
    },
    measurements: [
      { metric: 'webhook ack p50', value: round(percentile(run.ackMs, 50), 2), unit: 'ms' },
      {
        metric: 'webhook ack p99',
        value: round(percentile(run.ackMs, 99), 2),
        unit: 'ms',
        target: { kind: 'max', value: 50 },
      },
      { metric: 'webhooks acknowledged per second', value: Math.round(ackRate), unit: 'msg/s' },
      {
        metric: 'end-to-end throughput (every message routed)',
        value: Math.round(throughput),
        unit: 'msg/s',
        target: { kind: 'min', value: 1500 },
      },
      {
        metric: 'baseline: postgres.js, one transaction per message',
        value: Math.round(baseline.perSecond),
        unit: 'msg/s',
      },
      {
        metric: 'ours / baseline',
        value: round(throughput / baseline.perSecond, 2),
        unit: '×',
        target: { kind: 'min', value: 0.5 },
      },
    ],
  });
} finally {
  client.close();
  await worker.stop();
  await api.stop();
  await stack.close();
}
