#!/usr/bin/env node
// `npm test`: install, then type-check, lint, format check, build the web app and run every test.
import { readFileSync, rmSync } from 'node:fs';
import { install, run } from './pnpm.mjs';

const results = new URL('../.data/test-results.json', import.meta.url);

install();
console.log('\n— Type check');
run(['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']);
run(['exec', 'tsc', '-p', 'tsconfig.json']);
console.log('\n— Lint');
run(['exec', 'eslint', '.', '--max-warnings=0']);
console.log('\n— Format');
run(['exec', 'prettier', '--check', '.', '--log-level=warn']);
console.log('\n— Web build (the browser tests use it)');
run(['--filter', '@switchboard/web', 'build']);
console.log('\n— Tests');
rmSync(results, { force: true });
run([
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results.pathname}`,
  ...process.argv.slice(2),
]);

// One plain closing line that any CI can read. The exit code comes from the results too: a
// library's exit hook (embedded Postgres) can end the test process with 0 after a failure.
const summary = JSON.parse(readFileSync(results, 'utf8'));
console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
if (!summary.success || summary.numFailedTests > 0 || summary.numFailedTestSuites > 0)
  process.exit(1);
