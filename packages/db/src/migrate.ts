import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDb } from './client';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Applies the committed SQL migrations; safe to run from several processes at once. */
export async function runMigrations(url: string): Promise<void> {
  const handle = createDb(url, { max: 1 });
  try {
    // Two processes starting together must not both apply the same migration.
    await handle.sql`select pg_advisory_lock(7242001)`;
    await migrate(handle.db, { migrationsFolder });
    await handle.sql`select pg_advisory_unlock(7242001)`;
  } finally {
    await handle.close();
  }
}
