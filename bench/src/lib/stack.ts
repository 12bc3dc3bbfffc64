import { randomBytes } from 'node:crypto';
import { createDb, runMigrations, type DbHandle } from '@switchboard/db';
import { factories } from '@switchboard/db/testing';
import { clearPrefix, providePostgres, provideRedis, withDatabase } from '@switchboard/stack';
import postgres from 'postgres';

/** One benchmark's own database and Redis prefix on the shared engines. */
export interface BenchStack {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  secretKey: string;
  database: DbHandle;
  make: ReturnType<typeof factories>;
  /** Environment for an api or worker process of this stack. */
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database named after the part (`sbbench_<part>`, dropped first so a rerun
 * starts clean) and a Redis prefix of its own; DATABASE_URL and REDIS_URL point at the
 * engines, else they are found or started as `npm test` does.
 */
export async function prepareStack(part: string): Promise<BenchStack> {
  const pg = await providePostgres(process.env.DATABASE_URL);
  const redis = await provideRedis(process.env.REDIS_URL);
  const name = `sbbench_${part.replace(/\W/g, '_')}`;
  const admin = postgres(withDatabase(pg.adminUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end({ timeout: 1 });
  const databaseUrl = withDatabase(pg.adminUrl, name);
  await runMigrations(databaseUrl);
  const database = createDb(databaseUrl, { max: 10 });
  const secretKey = randomBytes(32).toString('hex');
  const queuePrefix = `b${randomBytes(4).toString('hex')}`;
  return {
    databaseUrl,
    redisUrl: redis.url,
    queuePrefix,
    secretKey,
    database,
    make: factories(database.db, secretKey),
    env: (extra = {}) => ({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      SECRET_KEY: secretKey,
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: 'warn',
      ...extra,
    }),
    async close() {
      await database.close();
      await clearPrefix(redis.url, queuePrefix);
      await redis.stop();
      await pg.stop();
    },
  };
}
