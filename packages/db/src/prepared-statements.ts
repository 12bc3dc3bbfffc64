import type postgres from 'postgres';

type Callback = (client: postgres.Sql) => unknown;

/**
 * drizzle sends each query as an unnamed statement, so Postgres parses and plans it on every
 * execution. This client names them instead: postgres.js keeps one prepared statement per
 * query text and connection, and a query the process has run before is only bound and
 * executed. Transactions and savepoints hand drizzle a client that does the same.
 */
export function preparingStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe')
        return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: object) =>
          target.unsafe(query, params, { ...options, prepare: true });
      if (key === 'begin' || key === 'savepoint')
        return (...args: unknown[]) => {
          const callback = args.pop() as Callback;
          const run = Reflect.get(target, key, receiver) as (...args: unknown[]) => unknown;
          return run.call(target, ...args, (client: postgres.Sql) =>
            callback(preparingStatements(client)),
          );
        };
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
