import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

export const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));

export interface Target {
  /** `min`: the value must reach it; `max`: it must stay at or under it. */
  kind: 'min' | 'max';
  value: number;
}

export interface Measurement {
  metric: string;
  value: number;
  unit: string;
  target?: Target;
}

export interface PartResult {
  part: string;
  /** What was loaded and how: counts, processes, concurrency. */
  setup: Record<string, string | number>;
  measurements: Measurement[];
  /** Free text: explanations of a gap, profiles, before/after. */
  notes?: string[];
}

export function met(measurement: Measurement): boolean | null {
  const { target, value } = measurement;
  if (!target) return null;
  return target.kind === 'min' ? value >= target.value : value <= target.value;
}

function targetText(target: Target | undefined, unit: string): string {
  if (!target) return '';
  return `${target.kind === 'min' ? '≥' : '≤'} ${target.value} ${unit}`;
}

export function markdownTable(measurements: Measurement[]): string {
  const rows = measurements.map((m) => {
    const verdict = met(m);
    const mark = verdict === null ? '' : verdict ? '✅ met' : '❌ missed';
    return `| ${m.metric} | ${m.value} ${m.unit} | ${targetText(m.target, m.unit)} | ${mark} |`;
  });
  return ['| metric | result | target | |', '|---|---|---|---|', ...rows].join('\n');
}

/** Writes `<part>.json` and `<part>.md` under bench/results/ and prints the table. */
export function writeResults(result: PartResult): void {
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
  };
  const recorded = { ...result, machine, finishedAt: new Date().toISOString() };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}${result.part}.json`, `${JSON.stringify(recorded, null, 2)}\n`);
  const setup = Object.entries(result.setup).map(([key, value]) => `- ${key}: ${value}`);
  const markdown = [
    `## ${result.part}`,
    '',
    `${recorded.finishedAt} · ${machine.cpus} × ${machine.cpuModel} · Node ${machine.node}`,
    '',
    ...setup,
    '',
    markdownTable(result.measurements),
    ...(result.notes?.length ? ['', ...result.notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
  writeFileSync(`${resultsDir}${result.part}.md`, markdown);
  console.log(`\n${markdown}`);
}
