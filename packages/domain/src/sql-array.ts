import { sql } from 'drizzle-orm';

/**
 * Ids as one array parameter: drizzle spreads a plain array into one parameter per id, which
 * makes a new statement text (and prepared statement) for every count. Only for ids (uuids,
 * integers), which need no quoting inside an array literal.
 */
export const idArray = (ids: ReadonlyArray<string | number>, type: 'uuid' | 'bigint') =>
  sql`${`{${ids.join(',')}}`}::${sql.raw(type)}[]`;
