import postgres from 'postgres';

interface IndexDefinition {
  indexname: string;
  indexdef: string;
}

/**
 * Runs `load` without the messages' full-text (GIN) indexes and then builds them again from
 * their own definitions, both at once: building a GIN index over millions of rows is several
 * times faster than maintaining it row by row. Fails unless every index of the schema is
 * back, exactly as migrated, so measurements always run on the real indexes.
 */
export async function withSearchIndexesBuiltAfter<T>(
  databaseUrl: string,
  load: () => Promise<T>,
  log: (line: string) => void,
): Promise<T> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const before = await indexes(sql);
    const deferred = before.filter((index) =>
      index.indexdef.includes('ON public.messages USING gin'),
    );
    for (const index of deferred) await sql.unsafe(`drop index "${index.indexname}"`);
    const result = await load();
    const started = Date.now();
    await Promise.all(
      deferred.map((index) =>
        sql.begin(async (tx) => {
          await tx.unsafe(`set local maintenance_work_mem = '1GB'`);
          await tx.unsafe(index.indexdef);
        }),
      ),
    );
    log(
      `built ${deferred.map((index) => index.indexname).join(', ')} in ${(Date.now() - started) / 1000} s`,
    );
    const after = await indexes(sql);
    const key = (list: IndexDefinition[]) => JSON.stringify(list.map((index) => index.indexdef));
    if (key(after) !== key(before))
      throw new Error('the indexes after the load differ from the schema');
    return result;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

const indexes = (sql: postgres.Sql) =>
  sql<IndexDefinition[]>`
    select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`;
