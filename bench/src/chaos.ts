/**
 * Chaos: while 10,000 customer messages stream in and agents reply, a worker and an api
 * instance are killed with SIGKILL, Redis (without persistence) and Postgres are restarted.
 * Afterwards every acknowledged message must be stored exactly once, every reply sent exactly
 * once or visibly failed, and the system healthy again without anyone touching it.
 * Exits non-zero when anything was lost or duplicated.
 */
import { randomBytes } from 'node:crypto';
import { customerNumbers } from './lib/workspace';
import { writeResults, type Measurement } from './lib/results';
import { percentile, round } from './lib/stats';
import { runAgents } from './chaos/agents';
import { auditInbound, auditReplies, backlog, type Backlog } from './chaos/audit';
import { sleep } from './chaos/engines';
import { runFaults, type Fault } from './chaos/faults';
import { checkHealth } from './chaos/health';
import { streamInbound } from './chaos/stream';
import { startChaosSystem, type ChaosSystem } from './chaos/system';

const MESSAGES = Number(process.env.CHAOS_MESSAGES ?? 10_000);
const STREAM_MS = Number(process.env.CHAOS_STREAM_SECONDS ?? 75) * 1000;
const CUSTOMERS = 4_000;
const AGENTS = 10;
/** Pause between an agent's replies: a few hundred over the stream, with room for the outages. */
const AGENT_PACE_MS = 500;
/** Replies an agent writes in each conversation it takes. */
const REPLIES_PER_CONVERSATION = 2;
/**
 * The sweeper runs every 15 s with grace periods of 30 s (inbound) and 60 s (outbound), and a
 * dead worker's send claim lapses after 120 s: 210 s covers recovery. On a busy machine the
 * workers may still be draining the stream's backlog then, so waiting goes on while the backlog
 * shrinks, up to a hard limit.
 */
const SETTLE_LIMIT_MS = 210_000;
const SETTLE_HARD_LIMIT_MS = 420_000;
/** How long a killed process stays dead before its supervisor starts it again. */
const RESTART_AFTER_MS = 3_000;
/** How long each engine stays down. */
const OUTAGE_MS = 3_000;

function faultsFor(system: ChaosSystem): Fault[] {
  const at = (fraction: number) => Math.round(STREAM_MS * fraction);
  return [
    {
      atMs: at(0.08),
      name: `kill -9 worker 1, restarted after ${RESTART_AFTER_MS / 1000} s`,
      run: async () => {
        await system.workers[0]?.kill();
        await sleep(RESTART_AFTER_MS);
        await system.restartWorker(0);
      },
    },
    {
      atMs: at(0.25),
      name: `kill -9 api 1, restarted after ${RESTART_AFTER_MS / 1000} s`,
      run: async () => {
        await system.apis[0]?.kill();
        await sleep(RESTART_AFTER_MS);
        await system.restartApi(0);
      },
    },
    {
      atMs: at(0.5),
      name: `Redis killed, back empty after ${OUTAGE_MS / 1000} s`,
      run: async () => {
        await system.redis.stop();
        await sleep(OUTAGE_MS);
        await system.redis.start();
      },
    },
    {
      atMs: at(0.65),
      name: `Postgres stopped (fast shutdown), back after ${OUTAGE_MS / 1000} s`,
      run: async () => {
        await system.postgres.stop();
        await sleep(OUTAGE_MS);
        await system.postgres.start();
      },
    },
  ];
}

/** Waits until every stored message is processed and no reply is queued, or the limit passes. */
async function settle(system: ChaosSystem): Promise<{ backlog: Backlog; seconds: number }> {
  const startedAt = Date.now();
  let last: Backlog = { inboundPending: -1, outboundQueued: -1, statusPending: -1 };
  let previous = Number.POSITIVE_INFINITY;
  let progressAt = startedAt;
  for (;;) {
    last = await backlog(system.sql, system.inbox.id).catch(() => last);
    if (last.inboundPending === 0 && last.outboundQueued === 0) break;
    const pending = last.inboundPending + last.outboundQueued;
    if (pending < previous) progressAt = Date.now();
    previous = pending;
    const elapsed = Date.now() - startedAt;
    const stalled = Date.now() - progressAt > 30_000;
    if (elapsed > SETTLE_HARD_LIMIT_MS || (elapsed > SETTLE_LIMIT_MS && stalled)) break;
    if ((Date.now() - startedAt) % 20_000 < 2_000)
      console.log(`[chaos] backlog ${JSON.stringify(last)}`);
    await sleep(2_000);
  }
  return { backlog: last, seconds: Math.round((Date.now() - startedAt) / 1000) };
}

async function main(): Promise<number> {
  const tag = `chaos-${randomBytes(3).toString('hex')}`;
  console.log(`[chaos] starting 2 apis, 2 workers, private Postgres and Redis, the sandbox`);
  const system = await startChaosSystem({ agents: AGENTS });
  try {
    const startedAt = Date.now();
    let streaming = true;
    let settled = 0;
    const progress = setInterval(() => {
      void backlog(system.sql, system.inbox.id)
        .catch(() => null)
        .then((now) =>
          console.log(
            `[chaos] ${((Date.now() - startedAt) / 1000).toFixed(0)} s: ${settled} webhooks settled, backlog ${JSON.stringify(now)}`,
          ),
        );
    }, 10_000);
    const [records, agentRun, faults] = await Promise.all([
      streamInbound({
        publicUrl: system.balancer.url,
        inbox: system.inbox,
        customers: customerNumbers(CUSTOMERS),
        count: MESSAGES,
        durationMs: STREAM_MS,
        tag,
        onSettled: () => settled++,
      }).finally(() => (streaming = false)),
      runAgents({
        publicUrl: system.balancer.url,
        emails: system.agentEmails,
        password: system.password,
        paceMs: AGENT_PACE_MS,
        repliesPerConversation: REPLIES_PER_CONVERSATION,
        tag,
        until: () => !streaming,
      }),
      runFaults(faultsFor(system), startedAt),
    ]);
    clearInterval(progress);
    const replies = agentRun.replies;
    console.log(`[chaos] agents: ${replies.length} replies, ${JSON.stringify(agentRun.tally)}`);
    const streamSeconds = Math.round((Date.now() - startedAt) / 1000);
    console.log(`[chaos] stream done after ${streamSeconds} s; waiting for the system to settle`);
    const settling = await settle(system);
    console.log(`[chaos] settled after ${settling.seconds} s: ${JSON.stringify(settling.backlog)}`);
    const health = await checkHealth(system, tag);
    const inbound = await auditInbound(system.sql, system.inbox.id, records);
    const sent = await system.provider.sentMessages();
    const replyCounts = await auditReplies(system.sql, system.inbox.id, replies, sent);
    const retried = records.reduce((sum, record) => sum + record.attempts - 1, 0);
    const acks = records.filter((record) => record.accepted).map((record) => record.ackMs);
    const healthy =
      health.apisReady.every(Boolean) && health.freshInboundStored && health.freshReplyDelivered;

    const count = (metric: string, value: number, max?: number): Measurement => ({
      metric,
      value,
      unit: '',
      ...(max === undefined ? {} : { target: { kind: 'max' as const, value: max } }),
    });
    const measurements: Measurement[] = [
      count('inbound sent (unique messages)', inbound.sent),
      count('inbound webhooks answered other than 200, then sent again', retried),
      count('inbound accepted (HTTP 200)', inbound.accepted),
      // From the provider's side: waiting for one of its 64 connections counts too.
      { metric: 'inbound ack p50 (provider side)', value: round(percentile(acks, 50)), unit: 'ms' },
      { metric: 'inbound ack p99 (provider side)', value: round(percentile(acks, 99)), unit: 'ms' },
      count('inbound accepted and stored once', inbound.storedOnce),
      count('inbound lost (accepted, not stored)', inbound.lost, 0),
      count('inbound duplicated (stored twice)', inbound.duplicated, 0),
      count('inbound stored without a 200 (refused, kept anyway)', inbound.storedWithoutAck),
      count('replies attempted', replyCounts.attempted),
      count('replies accepted (HTTP 201)', replyCounts.accepted),
      count('replies stored', replyCounts.stored),
      count('replies sent exactly once', replyCounts.sentOnce),
      count('replies sent twice or more', replyCounts.sentTwice, 0),
      count('replies visibly failed', replyCounts.visiblyFailed),
      count('replies marked failed but sent', replyCounts.failedButSent, 0),
      count('replies stuck or lost', replyCounts.stuck, 0),
      count('api or worker processes that crashed', system.crashes.length, 0),
      count('stored messages unprocessed after settling', settling.backlog.inboundPending, 0),
      count('replies still queued after settling', settling.backlog.outboundQueued, 0),
      { metric: 'settled after', value: settling.seconds, unit: 's' },
      {
        metric: 'healthy afterwards without a manual step (1 = yes)',
        value: healthy ? 1 : 0,
        unit: '',
        target: { kind: 'min', value: 1 },
      },
    ];
    const failures = [
      inbound.lost,
      inbound.duplicated,
      replyCounts.sentTwice,
      replyCounts.failedButSent,
      replyCounts.stuck,
      settling.backlog.inboundPending,
      settling.backlog.outboundQueued,
      system.crashes.length,
    ].reduce((sum, value) => sum + value, 0);
    writeResults({
      part: 'chaos',
      setup: {
        messages: MESSAGES,
        customers: CUSTOMERS,
        streamSeconds: STREAM_MS / 1000,
        agents: AGENTS,
        processes: '2 api + 2 worker (separate OS processes) behind a round-robin balancer',
        engines: 'private Postgres (embedded) and Redis (no persistence), restarted during the run',
        provider: 'Twilio sandbox in process; replies counted by their unique text',
      },
      measurements,
      notes: [
        ...faults.map(
          (fault) =>
            `${(fault.startedAtMs / 1000).toFixed(1)}–${(fault.recoveredAtMs / 1000).toFixed(1)} s: ${fault.name}${fault.error ? ` (failed: ${fault.error})` : ''}`,
        ),
        `Health after: apis ready ${JSON.stringify(health.apisReady)}, sweeper scheduled ${health.sweeperScheduled}, fresh message stored ${health.freshInboundStored}, its reply delivered ${health.freshReplyDelivered}.`,
        ...system.crashes.map((crash) => `crashed and restarted by the supervisor: ${crash}`),
        `Agents' turns without a reply: ${JSON.stringify(agentRun.tally)}.`,
        `Status callbacks still pending after settling: ${settling.backlog.statusPending}.`,
        ...inbound.lostSids.slice(0, 5).map((sid) => `lost: ${sid}`),
        ...inbound.duplicatedSids.slice(0, 5).map((sid) => `duplicated: ${sid}`),
        ...replyCounts.details.slice(0, 10),
      ],
    });
    return failures > 0 || !healthy ? 1 : 0;
  } finally {
    await system.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
