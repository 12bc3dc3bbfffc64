#!/usr/bin/env node
// `npm test`: install, then type-check, lint, format check, build the web app and run every test.
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { install, pnpm, run } from './pnpm.mjs';

const results = new URL('../.data/test-results.json', import.meta.url);

install();
console.log('\n— Type check');
run(['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']);
run(['exec', 'tsc', '-p', 'tsconfig.json']);
console.log('\n— Lint');
// Type-aware linting holds one TypeScript program per package: more than Node's default heap.
run(['exec', 'eslint', '.', '--max-warnings=0'], {
  env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' },
});
console.log('\n— Format');
run(['exec', 'prettier', '--check', '.', '--log-level=warn']);
console.log('\n— Web and widget builds (the browser tests use them)');
run(['--filter', '@switchboard/web', 'build']);
run(['--filter', '@switchboard/widget', 'build']);
console.log('\n— Tests');
// Load tests start their own worker processes and keep both cores busy, so they run on their
// own after the rest rather than starving the browser tests beside them.
const phases = [
  { name: 'main', args: ['--exclude=tests/load/**'] },
  { name: 'load', args: ['tests/load', '--maxWorkers=1'] },
];
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let success = true;
for (const phase of extra.length ? [{ name: 'selected', args: extra }] : phases) {
  rmSync(results, { force: true });
  const status = spawnVitest(phase.args);
  // The exit code comes from the results too: a library's exit hook (embedded Postgres) can
  // end the test process with 0 after a failure.
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  if (status !== 0 || !summary.success || summary.numFailedTestSuites > 0) success = false;
}

// One plain closing line that any CI can read.
console.log(`${passed} passed, ${failed} failed`);
if (!success || failed > 0) process.exit(1);

function spawnVitest(args) {
  const [command, ...prefix] = pnpm;
  return spawnSync(
    command,
    [
      ...prefix,
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results.pathname}`,
      ...args,
    ],
    { stdio: 'inherit', cwd: new URL('..', import.meta.url) },
  ).status;
}
