#!/usr/bin/env node
// `npm run chaos`: install, then run the chaos suite (bench/src/chaos.ts): 10,000 customer
// messages and agents' replies while a worker and an api are killed and Redis and Postgres
// restart. It starts its own Postgres (embedded) and Redis (redis-server on PATH) and needs
// nothing else. Exits non-zero when anything was lost, duplicated or left stuck.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { install } from './pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = new URL('../bench/results/chaos.json', import.meta.url);

install();
rmSync(results, { force: true });
const child = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'bench/src/chaos.ts', ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: root },
);
// The verdict comes from the results too: a library's exit hook (embedded Postgres) can end
// the process with 0 after a failure.
const recorded = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : null;
const missed = (recorded?.measurements ?? []).filter(
  ({ target, value }) =>
    target && (target.kind === 'min' ? value < target.value : value > target.value),
);
if (child.status !== 0 || !recorded || missed.length > 0) {
  for (const { metric, value } of missed) console.error(`missed: ${metric} = ${value}`);
  process.exit(child.status || 1);
}
