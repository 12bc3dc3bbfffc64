import { schema, type Database, type Executor } from '@switchboard/db';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';

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

/**
 * Makes a provider event durable before the provider is acknowledged. A retried webhook
 * finds its row and is not stored twice; the caller enqueues processing either way.
 */
export async function storeInboundEvent(
  db: Database,
  input: StoreInboundEventInput,
): Promise<{ id: number; duplicate: boolean; job: ReturnType<typeof inboundJob> }> {
  const [inserted] = await db
    .insert(schema.inboundEvents)
    .values(input)
    .onConflictDoNothing()
    .returning({ id: schema.inboundEvents.id });
  if (inserted)
    return { id: inserted.id, duplicate: false, job: inboundJob({ ...input, id: inserted.id }) };
  const [existing] = await db
    .select({ id: schema.inboundEvents.id })
    .from(schema.inboundEvents)
    .where(
      and(
        eq(schema.inboundEvents.inboxId, input.inboxId),
        eq(schema.inboundEvents.kind, input.kind),
        eq(schema.inboundEvents.providerEventId, input.providerEventId),
      ),
    );
  if (!existing) throw new Error('inbound event vanished between insert and select');
  return { id: existing.id, duplicate: true, job: inboundJob({ ...input, id: existing.id }) };
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
