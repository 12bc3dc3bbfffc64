// Shared by `npm start` and `npm test`: find pnpm or bootstrap the pinned one, then install.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const pinned = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).packageManager; // "pnpm@x.y.z"

function works(command, args) {
  const result = spawnSync(command, [...args, '--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === pinned.split('@')[1];
}

/** pnpm on PATH when it is the pinned version, else the pinned one through npx (corepack's signature check fails against some registries). */
export const pnpm = works('pnpm', []) ? ['pnpm'] : ['npx', '--yes', pinned];

export function run(args, options = {}) {
  const [command, ...prefix] = pnpm;
  const result = spawnSync(command, [...prefix, ...args], {
    stdio: 'inherit',
    cwd: root,
    ...options,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function install() {
  // A fresh clone and CI install exactly the locked versions.
  run(['install', '--frozen-lockfile', '--reporter=append-only']);
}
