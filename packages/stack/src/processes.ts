import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { repoRoot } from './paths';

const colors: Record<string, string> = { api: '36', worker: '35', sandbox: '33' };

/** Runs one of our TypeScript entry points under tsx, its output prefixed with its name. */
export function runProcess(name: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, entry)], {
    cwd: join(repoRoot, entry.split('/src/')[0] ?? ''),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = `\u001b[${colors[name] ?? '37'}m[${name}]\u001b[0m`;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream)
      createInterface({ input: stream }).on('line', (line) => console.log(`${label} ${line}`));
  }
  return child;
}
