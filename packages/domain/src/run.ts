import type { Actor, Ctx, DomainDeps } from './context';

/**
 * Runs one operation in one transaction; jobs and realtime events it produced are sent only
 * after the commit, so a worker never sees a row that does not exist yet. If sending them
 * fails the rows are still safe: sweepers find stored-but-unqueued work.
 */
export async function runOperation<T>(
  deps: DomainDeps,
  scope: { workspaceId: string; actor: Actor },
  operation: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  const afterCommit: Ctx['afterCommit'] = { jobs: [], events: [] };
  const result = await deps.db.transaction((tx) =>
    operation({ db: tx, workspaceId: scope.workspaceId, actor: scope.actor, deps, afterCommit }),
  );
  await flush(deps, afterCommit);
  return result;
}

export async function flush(deps: DomainDeps, afterCommit: Ctx['afterCommit']): Promise<void> {
  for (const job of afterCommit.jobs) {
    try {
      await deps.ports.enqueue(job.name, job.payload);
    } catch (error) {
      deps.log?.('enqueue failed; the sweeper will pick it up', {
        job: job.name,
        error: String(error),
      });
    }
  }
  try {
    await deps.ports.publish(afterCommit.events);
  } catch (error) {
    deps.log?.('realtime publish failed; clients refetch on reconnect', { error: String(error) });
  }
}
