import { runMigrations } from '@switchboard/db';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { providePostgres, withDatabase } from '../postgres';
import { provideRedis } from '../redis';
import './provided';

/**
 * Runs once per `npm test`: real Postgres and Redis (given, local or provisioned), and a
 * template database migrated once that every test file clones.
 */
export default async function setup(project: TestProject) {
  const pg = await providePostgres(process.env.DATABASE_URL);
  const redis = await provideRedis(process.env.REDIS_URL);
  // Names carry this run's pid, so concurrent runs never drop each other's databases.
  const template = `sbt_${process.pid}_template`;
  const admin = postgres(withDatabase(pg.adminUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${template}" with (force)`);
  await admin.unsafe(`create database "${template}"`);
  const templateUrl = withDatabase(pg.adminUrl, template);
  await runMigrations(templateUrl);
  // Leftovers of interrupted runs (their process is gone) would otherwise pile up.
  const existing = await admin<
    { datname: string }[]
  >`select datname from pg_database where datname ~ '^sbt_[0-9]+_'`;
  for (const { datname } of existing) {
    const owner = Number(datname.split('_')[1]);
    if (!isAlive(owner))
      await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
  }

  project.provide('templateDatabaseUrl', templateUrl);
  project.provide('runId', String(process.pid));
  project.provide('redisUrl', redis.url);

  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`).catch(() => {});
    await admin.end({ timeout: 1 });
    await redis.stop();
    await pg.stop();
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
