// Gathers every part's latest results into bench/results/README.md and prints the table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { markdownTable, met, resultsDir, type Measurement, type PartResult } from './lib/results';

const PARTS = ['ingest', 'realtime', 'inbox', 'multi-instance', 'chaos'];

const sections: string[] = [];
const all: Measurement[] = [];
for (const part of PARTS) {
  const file = `${resultsDir}${part}.json`;
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, 'utf8')) as PartResult & { finishedAt: string };
  all.push(...result.measurements.map((m) => ({ ...m, metric: `${part}: ${m.metric}` })));
  sections.push(readFileSync(`${resultsDir}${part}.md`, 'utf8'));
}
const missed = all.filter((m) => met(m) === false).length;
const summary = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (and `npm run chaos`); each part’s JSON beside this file holds the same figures. The indicators part prints its own table (`npm run bench -- indicators`).',
  '',
  markdownTable(all),
  '',
  missed ? `${missed} target(s) missed: see each part’s notes below.` : 'Every target met.',
  '',
  ...sections,
].join('\n');
writeFileSync(`${resultsDir}README.md`, summary);
console.log(
  `\n${markdownTable(all)}\n\n${missed ? `${missed} target(s) missed.` : 'Every target met.'}`,
);
