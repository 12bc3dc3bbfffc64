#!/usr/bin/env node
// `npm run bench`: install, then run every benchmark part against real Postgres and Redis
// (DATABASE_URL / REDIS_URL, else found or started as `npm test` does), each in its own
// process, and write bench/results/<part>.json, <part>.md and the summary README.md.
// `npm run bench -- ingest realtime` runs only those parts; options after `--` go to them,
// e.g. `npm run bench -- ingest -- --messages 5000`.
import { spawnSync } from 'node:child_process';
import { install, pnpm, run } from './pnpm.mjs';

const parts = ['ingest', 'realtime', 'inbox', 'multi-instance', 'indicators'];
const args = process.argv.slice(2);
const split = args.indexOf('--');
const chosen = split >= 0 ? args.slice(0, split) : args;
const options = split >= 0 ? args.slice(split + 1) : [];
const unknown = chosen.filter((part) => !parts.includes(part));
if (unknown.length) {
  console.error(`Unknown part ${unknown.join(', ')}; the parts are ${parts.join(', ')}.`);
  process.exit(2);
}

const root = new URL('..', import.meta.url);
install();
let failed = false;
for (const part of chosen.length ? chosen : parts) {
  console.log(`\n— ${part}`);
  const [command, ...commandArgs] =
    part === 'indicators'
      ? [...pnpm, 'exec', 'vitest', 'bench', '--run', 'tests/bench/indicators.bench.ts']
      : [process.execPath, '--import', 'tsx', `bench/src/${part}.ts`, ...options];
  const { status } = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: root });
  if (status !== 0) {
    console.error(`${part} failed`);
    failed = true;
  }
}
run(['exec', 'tsx', 'bench/src/summary.ts']);
if (failed) process.exit(1);
