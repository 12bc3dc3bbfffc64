import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const appDir = (app: 'api' | 'worker') =>
  fileURLToPath(new URL(`../../../apps/${app}`, import.meta.url));

/** An api or worker running as production runs it: its own OS process. */
export interface RunningProcess {
  name: string;
  child: ChildProcess;
  /** The api's base URL; empty for a worker. */
  url: string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would, and wait for the exit. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts an api process on `port` and resolves once /readyz answers. */
export async function startApi(
  name: string,
  env: Record<string, string>,
  port: number,
): Promise<RunningProcess> {
  const url = `http://127.0.0.1:${port}`;
  const running = launch(name, 'api', {
    PORT: String(port),
    SMTP_PORT: String(await freePort()),
    PUBLIC_URL: url,
    ...env,
  });
  running.url = url;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (running.child.exitCode !== null) throw new Error(`${name} exited while starting`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return running;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become ready`);
}

/** Starts a worker process and resolves once it reports ready. */
export async function startWorker(
  name: string,
  env: Record<string, string>,
): Promise<RunningProcess> {
  const running = launch(name, 'worker', { PUBLIC_URL: 'http://127.0.0.1:1', PORT: '1', ...env });
  await new Promise<void>((resolve, reject) => {
    running.child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    createInterface({ input: running.child.stdout! }).on('line', (line) => {
      if (line.includes('[worker] ready')) resolve();
      else if (process.env.BENCH_VERBOSE) console.log(`[${name}] ${line}`);
    });
  });
  return running;
}

function launch(
  name: string,
  app: 'api' | 'worker',
  env: Record<string, string>,
): RunningProcess & { url: string } {
  // BENCH_PROFILE=<dir>: each process writes V8 CPU profiles (one per thread) to <dir>/<name>.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}/${name}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: appDir(app),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (process.env.BENCH_VERBOSE) console.error(`[${name}] ${line}`);
  });
  if (app === 'api')
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (process.env.BENCH_VERBOSE) console.log(`[${name}] ${line}`);
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { name, child, url: '', stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
