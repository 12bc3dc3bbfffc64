/**
 * Inbox part of `npm run bench`: a workspace of a million conversations and five million
 * messages, then the inbox's read paths through the real HTTP API, one request at a time.
 * `--scale 0.01` (or INBOX_SCALE) loads a hundredth of it, for a quick check.
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { freePort, startApi } from './lib/processes';
import { writeResults, type Measurement } from './lib/results';
import { prepareStack } from './lib/stack';
import { percentile, round } from './lib/stats';
import { signIn } from './inbox/http';
import { loadInbox, vacuumAnalyze } from './inbox/load';
import { fixNotes } from './inbox/notes';
import { loadPlan } from './inbox/plan';
import { withSearchIndexesBuiltAfter } from './inbox/search-indexes';
import { inboxScenarios } from './inbox/scenarios';
import { agentEmail, seedWorkspace, SUPERVISOR_EMAIL } from './inbox/seed';

const REQUESTS = Number(process.env.INBOX_REQUESTS ?? 200);
const WARMUP = 20;
const SIGNED_IN_AGENTS = 5;

function scaleArgument(): number {
  const flag = process.argv.indexOf('--scale');
  const raw = flag >= 0 ? process.argv[flag + 1] : process.env.INBOX_SCALE;
  const scale = Number(raw ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], got ${raw}`);
  return scale;
}

const startedAt = performance.now();
const log = (line: string) => console.log(`[inbox ${seconds(startedAt)} s] ${line}`);
const seconds = (from: number) => round((performance.now() - from) / 1000);

async function main() {
  const plan = loadPlan(scaleArgument());
  const stack = await prepareStack('inbox');
  const loader = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  try {
    const loadStarted = performance.now();
    const fixtures = await seedWorkspace(stack, plan.agents);
    const counts = await withSearchIndexesBuiltAfter(
      stack.databaseUrl,
      () => loadInbox(loader, plan, fixtures, log),
      log,
    );
    if (process.env.INBOX_LOAD_ONLY) return;
    const loadSeconds = seconds(loadStarted);
    const vacuumStarted = performance.now();
    await vacuumAnalyze(loader);
    const vacuumSeconds = seconds(vacuumStarted);
    log(`loaded in ${loadSeconds} s, vacuum analyze ${vacuumSeconds} s: ${JSON.stringify(counts)}`);

    api = await startApi(
      'api',
      stack.env({ TWILIO_API_BASE: 'http://127.0.0.1:9', META_GRAPH_BASE: 'http://127.0.0.1:9' }),
      await freePort(),
    );
    const agents = [];
    for (let index = 0; index < SIGNED_IN_AGENTS; index++)
      agents.push(await signIn(api.url, agentEmail(index * 7)));
    const supervisor = await signIn(api.url, SUPERVISOR_EMAIL);
    const agentConversations = [];
    for (let index = 0; index < SIGNED_IN_AGENTS; index++)
      agentConversations.push(await conversationsOf(loader, fixtures.agentIds[index * 7]!));

    const scenarios = inboxScenarios({
      baseUrl: api.url,
      agents,
      supervisor,
      teamIds: fixtures.teamIds,
      inboxIds: fixtures.inboxIds,
      agentConversations,
    });
    const measurements: Measurement[] = [];
    for (const scenario of scenarios) {
      for (let i = 0; i < WARMUP; i++) await scenario.request(i + REQUESTS);
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push(await scenario.request(i));
      const p50 = round(percentile(times, 50));
      const p95 = round(percentile(times, 95));
      log(`${scenario.metric}: p50 ${p50} ms, p95 ${p95} ms`);
      measurements.push(
        { metric: `${scenario.metric} p50`, value: p50, unit: 'ms' },
        {
          metric: `${scenario.metric} p95`,
          value: p95,
          unit: 'ms',
          target: { kind: 'max', value: scenario.targetMs },
        },
      );
    }
    writeResults({
      part: 'inbox',
      setup: {
        scale: plan.scale,
        ...counts,
        agents: plan.agents,
        'bulk load (s)': loadSeconds,
        'vacuum analyze (s)': vacuumSeconds,
        'requests per query': REQUESTS,
        'warm-up requests': WARMUP,
        'api processes': 1,
      },
      measurements,
      notes: [
        ...fixNotes,
        `Signed in as ${SIGNED_IN_AGENTS} agents (requests rotate among them) and the supervisor; one request at a time.`,
        'Lists vary tab, team and inbox filters and follow a cursor every fourth request; messages rotate over 40 conversations per agent (some of 54 messages); search rotates over common, rare and phrase terms in Spanish, English and Portuguese.',
      ],
    });
  } finally {
    await api?.kill();
    await loader.end({ timeout: 1 });
    await stack.close();
  }
}

/** Some of an agent's conversations, open and closed, with the long threads among them. */
async function conversationsOf(sql: postgres.Sql, agentId: string): Promise<string[]> {
  const rows = await sql<Array<{ id: string }>>`
    (select conversation_id as id from conversation_participants
     where user_id = ${agentId} order by md5(conversation_id::text) limit 30)
    union all
    (select c.id from conversations c
     join conversation_participants p on p.conversation_id = c.id and p.user_id = ${agentId}
     where c.version > 50 order by c.id limit 10)`;
  return rows.map((row) => row.id);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
