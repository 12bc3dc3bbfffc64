#!/usr/bin/env node
// `npm run bench`: install, then run the benchmarks in tests/bench against real Postgres and
// Redis (provided by DATABASE_URL / REDIS_URL, else started like `npm test` does).
// `npm run bench -- tests/bench/indicators.bench.ts` runs one file.
import { install, run } from './pnpm.mjs';

install();
const files = process.argv.slice(2);
run(['exec', 'vitest', 'bench', '--run', ...(files.length ? files : ['tests/bench'])]);
