// `npm run bench -- realtime`: signed Twilio webhooks at a steady rate while 50 agents of the
// receiving team hold realtime sockets → latency from the webhook being sent to each agent's
// socket receiving the new-message hint. Two phases: a light load (50/s) that shows the path
// itself, then the target load (500/s). `--rate N --seconds S` change the target phase.
import { connectAgent, signIn } from './lib/agents';
import { drive } from './ingest/drive';
import { planMessages } from './ingest/plan';
import { freePort, startApi, startWorker } from './lib/processes';
import { writeResults } from './lib/results';
import { allEventsProcessed, queuesIdle } from './lib/settled';
import { prepareStack } from './lib/stack';
import { TwilioWebhookClient } from './lib/twilio-client';
import { option } from './lib/wait';
import { benchWorkspace } from './lib/workspace';
import { p, pacedRun } from './realtime/paced-run';

const RATE = Number(option('rate') ?? 500);
const SECONDS = Number(option('seconds') ?? 20);
const LIGHT_RATE = 50;
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
        heard.set(hint.messageId, [...(heard.get(hint.messageId) ?? []), at]);
      }),
    );
  }
  await drive(client, workspace.inbox, planMessages(300, 1, 1_000_000), { clients: 16 });
  await allEventsProcessed(stack.database.sql);
  await queuesIdle(stack.redisUrl, stack.queuePrefix);

  const common = { client, inbox: workspace.inbox, sql: stack.database.sql, heard, agents: AGENTS };
  console.log(`${LIGHT_RATE}/s for 10 s to ${AGENTS} agent sockets…`);
  const light = await pacedRun({
    ...common,
    rate: LIGHT_RATE,
    seconds: 10,
    customerOffset: 500_000,
  });
  console.log(`${RATE}/s for ${SECONDS} s to ${AGENTS} agent sockets…`);
  const full = await pacedRun({ ...common, rate: RATE, seconds: SECONDS, customerOffset: 0 });
  for (const socket of sockets) socket.close();

  writeResults({
    part: 'realtime',
    setup: {
      'target load': `${Math.round(full.offeredPerSecond)} webhooks/s offered for ${SECONDS} s`,
      'light load': `${Math.round(light.offeredPerSecond)} webhooks/s offered for 10 s`,
      'agent sockets': AGENTS,
      processes: '1 api, 1 worker, Postgres and Redis on the same machine',
      'hints missing': light.missing + full.missing,
      'webhook ack p99 at the light / target load': `${p(light.ackMs, 99)} / ${p(full.ackMs, 99)} ms`,
    },
    measurements: [
      {
        metric: `webhook → agent socket p50 at ${LIGHT_RATE}/s`,
        value: p(light.latencies, 50),
        unit: 'ms',
      },
      {
        metric: `webhook → agent socket p99 at ${LIGHT_RATE}/s`,
        value: p(light.latencies, 99),
        unit: 'ms',
      },
      {
        metric: `webhook → agent socket p50 at ${RATE}/s`,
        value: p(full.latencies, 50),
        unit: 'ms',
      },
      {
        metric: `webhook → agent socket p99 at ${RATE}/s`,
        value: p(full.latencies, 99),
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
