import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type DbHandle } from '../client';

export interface TestDatabase extends DbHandle {
  url: string;
  drop(): Promise<void>;
}

function withName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database for one test file, cloned from the template the global setup
 * migrated once (CREATE DATABASE … TEMPLATE takes milliseconds).
 */
export async function createTestDatabase(
  templateUrl: string,
  runId: string,
): Promise<TestDatabase> {
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `sbt_${runId}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(withName(templateUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  const url = withName(templateUrl, name);
  const handle = createDb(url, { max: 10 });
  return {
    ...handle,
    url,
    async drop() {
      await handle.close();
      const cleanup = postgres(withName(templateUrl, 'postgres'), { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end({ timeout: 1 });
      }
    },
  };
}
