// `npm run bench -- realtime`: signed Twilio webhooks at a steady rate (500/s) while 50 agents
// of the receiving team hold realtime sockets → latency from the webhook being sent to each
// agent's socket receiving the new-message hint. `--rate N --seconds S` to change the load.
import { connectAgent, signIn } from './lib/agents';
import { drive } from './ingest/drive';
import { planMessages } from './ingest/plan';
import { freePort, startApi, startWorker } from './lib/processes';
import { writeResults } from './lib/results';
import { prepareStack } from './lib/stack';
import { percentile, round } from './lib/stats';
import { TwilioWebhookClient } from './lib/twilio-client';
import { allEventsProcessed } from './lib/settled';
import { option } from './lib/wait';
import { benchWorkspace } from './lib/workspace';

const RATE = Number(option('rate') ?? 500);
const SECONDS = Number(option('seconds') ?? 20);
const AGENTS = 50;
const NOWHERE = 'http://127.0.0.1:9';

const stack = await prepareStack('realtime');
const workspace = await benchWorkspace(stack, AGENTS);
const env = stack.env({ TWILIO_API_BASE: NOWHERE, META_GRAPH_BASE: NOWHERE });
const api = await startApi('api', env, await freePort());
const worker = await startWorker('worker', env);
const client = new TwilioWebhookClient(api.url, 64);

/** messageId → when each socket heard of it. */
const heard = new Map<string, number[]>();
try {
  const sockets = [];
  for (const [seat, agent] of workspace.agents.entries()) {
    const cookie = await signIn(api.url, agent.email, seat);
    sockets.push(
      await connectAgent(api.url, cookie, (hint, at) => {
        if (hint.type !== 'message.created' || !hint.messageId) return;
        const times = heard.get(hint.messageId) ?? [];
        times.push(at);
        heard.set(hint.messageId, times);
      }),
    );
  }
  await drive(client, workspace.inbox, planMessages(300, 1, 1_000_000), { clients: 16 });

  const total = RATE * SECONDS;
  console.log(`${total} webhooks at ${RATE}/s to ${AGENTS} agent sockets…`);
  const plan = planMessages(total, 4);
  const sentAt = new Map<string, number>();
  const run = await drive(client, workspace.inbox, plan, {
    clients: 64,
    ratePerSecond: RATE,
    onSend: (message, at) => sentAt.set(message.sid, at),
  });
  const offeredRate = total / ((run.finishedAt - run.startedAt) / 1000);
  const { sql } = stack.database;
  const sids = [...sentAt.keys()];
  await allEventsProcessed(sql);
  // The last hints are published as the last transactions commit.
  await new Promise((resolve) => setTimeout(resolve, 2000));

  const rows = await sql<{ id: string; sid: string }[]>`select id, provider_message_id as sid
    from messages where provider_message_id = any(${sids})`;
  const latencies: number[] = [];
  let missing = 0;
  for (const row of rows) {
    const times = heard.get(row.id) ?? [];
    missing += AGENTS - times.length;
    for (const at of times) latencies.push(at - sentAt.get(row.sid)!);
  }
  for (const socket of sockets) socket.close();

  writeResults({
    part: 'realtime',
    setup: {
      'offered rate': `${Math.round(offeredRate)} webhooks/s for ${SECONDS} s (${total} messages)`,
      'agent sockets': AGENTS,
      processes: '1 api, 1 worker, Postgres and Redis on the same machine',
      'hints delivered': latencies.length,
      'hints missing': missing,
      'webhook ack p99': `${round(percentile(run.ackMs, 99), 1)} ms`,
    },
    measurements: [
      { metric: 'webhook → agent socket p50', value: round(percentile(latencies, 50)), unit: 'ms' },
      {
        metric: 'webhook → agent socket p99',
        value: round(percentile(latencies, 99)),
        unit: 'ms',
        target: { kind: 'max', value: 200 },
      },
    ],
  });
} finally {
  client.close();
  await worker.stop();
  await api.stop();
  await stack.close();
}
