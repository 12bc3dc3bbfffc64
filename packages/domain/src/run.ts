import { schema } from '@switchboard/db';
import { finishedWithin, REDIS_WAIT_MS, type RealtimeEvent } from '@switchboard/queue';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
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
  // Bounded waits: with Redis away the caller answers anyway. The jobs stay in the client's
  // queue and go out when Redis is back; were the process to die first, the sweepers queue
  // again what was stored. Realtime hints are only hints: clients refetch when they reconnect.
  const enqueued = Promise.allSettled(
    afterCommit.jobs.map((job) => deps.ports.enqueue(job.name, job.payload)),
  ).then((results) =>
    results.forEach((result, index) => {
      if (result.status === 'rejected')
        deps.log?.('enqueue failed; the sweeper will pick it up', {
          job: afterCommit.jobs[index]?.name,
          error: String(result.reason),
        });
    }),
  );
  if (!(await finishedWithin(enqueued, REDIS_WAIT_MS)))
    deps.log?.('enqueue waits for Redis; carrying on', { jobs: afterCommit.jobs.length });
  try {
    await addGuests(deps, afterCommit.events);
    const published = await finishedWithin(deps.ports.publish(afterCommit.events), REDIS_WAIT_MS);
    if (!published)
      deps.log?.('realtime publish waits for Redis; clients refetch on reconnect', {});
  } catch (error) {
    deps.log?.('realtime publish failed; clients refetch on reconnect', { error: String(error) });
  }
}

const CONVERSATION_HINTS = new Set<RealtimeEvent['type']>([
  'conversation.updated',
  'message.created',
  'message.updated',
]);

/**
 * Adds to each conversation hint the people who see it beyond its holder and team: its
 * invited or joined guests, and once it is closed everyone who took part (their Closed tab).
 * Read after the commit, so it is who may see it now.
 */
async function addGuests(deps: DomainDeps, events: RealtimeEvent[]): Promise<void> {
  const hinted = events.filter((event) => CONVERSATION_HINTS.has(event.type));
  const ids = [...new Set(hinted.flatMap((event) => event.conversationId ?? []))];
  if (ids.length === 0) return;
  const workspaceIds = [...new Set(hinted.map((event) => event.workspaceId))];
  const p = schema.conversationParticipants;
  const c = schema.conversations;
  const rows = await deps.db
    .select({ conversationId: p.conversationId, userId: p.userId, workspaceId: p.workspaceId })
    .from(p)
    .innerJoin(c, and(eq(c.id, p.conversationId), eq(c.workspaceId, p.workspaceId)))
    .where(
      and(
        inArray(p.workspaceId, workspaceIds),
        inArray(p.conversationId, ids),
        or(isNotNull(p.invitedAt), eq(c.status, 'closed')),
      ),
    );
  for (const event of hinted) {
    const guests = rows
      .filter((row) => row.conversationId === event.conversationId)
      .filter((row) => row.workspaceId === event.workspaceId)
      .map((row) => row.userId);
    if (guests.length === 0) continue;
    event.audienceUserIds = [...new Set([...(event.audienceUserIds ?? []), ...guests])];
  }
}
