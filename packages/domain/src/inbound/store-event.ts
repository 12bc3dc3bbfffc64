import { schema, type Database, type Executor } from '@switchboard/db';
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';

export interface StoreInboundEventInput {
  workspaceId: string;
  inboxId: string;
  kind: 'message' | 'status';
  providerEventId: string;
  payload: Record<string, unknown>;
}

/** The processing job for a stored event, keyed by the provider's id for it. */
export function inboundJob(event: { id: number; inboxId: string; providerEventId: string }) {
  return { eventId: event.id, providerKey: `${event.inboxId}.${event.providerEventId}` };
}

export interface StoredInboundEvent {
  id: number;
  duplicate: boolean;
  job: ReturnType<typeof inboundJob>;
}

/**
 * Makes a provider event durable before the provider is acknowledged. A retried webhook
 * finds its row and is not stored twice; the caller enqueues processing either way.
 */
export async function storeInboundEvent(
  db: Database,
  input: StoreInboundEventInput,
): Promise<StoredInboundEvent> {
  const [stored] = await storeInboundEvents(db, [input]);
  if (!stored) throw new Error('inbound event was not stored');
  return stored;
}

/** Several events in one statement (webhooks that arrived together), answered in input order. */
export async function storeInboundEvents(
  db: Database,
  inputs: StoreInboundEventInput[],
): Promise<StoredInboundEvent[]> {
  const e = schema.inboundEvents;
  const key = (event: Pick<StoreInboundEventInput, 'inboxId' | 'kind' | 'providerEventId'>) =>
    `${event.inboxId} ${event.kind} ${event.providerEventId}`;
  const inserted = await db
    .insert(e)
    .values(inputs)
    .onConflictDoNothing()
    .returning({ id: e.id, inboxId: e.inboxId, kind: e.kind, providerEventId: e.providerEventId });
  const newIds = new Map(inserted.map((row) => [key(row), row.id]));
  const retried = inputs.filter((input) => !newIds.has(key(input)));
  const existing =
    retried.length === 0
      ? []
      : await db
          .select({
            id: e.id,
            inboxId: e.inboxId,
            kind: e.kind,
            providerEventId: e.providerEventId,
          })
          .from(e)
          .where(
            or(
              ...retried.map((input) =>
                and(
                  eq(e.inboxId, input.inboxId),
                  eq(e.kind, input.kind),
                  eq(e.providerEventId, input.providerEventId),
                ),
              ),
            ),
          );
  const oldIds = new Map(existing.map((row) => [key(row), row.id]));
  return inputs.map((input) => {
    const id = newIds.get(key(input)) ?? oldIds.get(key(input));
    if (id === undefined) throw new Error('inbound event vanished between insert and select');
    return { id, duplicate: !newIds.has(key(input)), job: inboundJob({ ...input, id }) };
  });
}

/** Jobs for stored events not processed yet that match `condition`, oldest first. */
async function pendingInboundJobs(db: Executor, condition: SQL, limit: number) {
  const e = schema.inboundEvents;
  const rows = await db
    .select({ id: e.id, inboxId: e.inboxId, providerEventId: e.providerEventId })
    .from(e)
    .where(and(isNull(e.processedAt), condition))
    .orderBy(e.receivedAt)
    .limit(limit);
  return rows.map(inboundJob);
}

/** Events stored but not processed after a grace period: their jobs were lost or are failing. */
export function findPendingInboundEvents(db: Database, olderThanSeconds: number, limit = 1000) {
  return pendingInboundJobs(
    db,
    sql`${schema.inboundEvents.receivedAt} < now() - make_interval(secs => ${olderThanSeconds})`,
    limit,
  );
}

/** Status callbacks for one sent message still waiting to be applied. */
export function findPendingStatusEvents(db: Executor, inboxId: string, providerMessageId: string) {
  const e = schema.inboundEvents;
  return pendingInboundJobs(
    db,
    and(
      eq(e.inboxId, inboxId),
      eq(e.kind, 'status'),
      sql`${e.providerEventId} like ${`${providerMessageId}:%`}`,
    )!,
    100,
  );
}
