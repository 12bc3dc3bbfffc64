import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { preparingStatements } from './prepared-statements';
import * as schema from './schema/index';

export type Database = PostgresJsDatabase<typeof schema>;
/** A database handle or an open transaction: domain operations accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DbHandle {
  db: Database;
  sql: postgres.Sql;
  close(): Promise<void>;
}

export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Lets the database name the process in pg_stat_activity.
    connection: { application_name: 'switchboard' },
  });
  const db = drizzle(preparingStatements(sql), { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
