import { schema, type InboxKind } from '@switchboard/db';
import type { EventPayload, InboundEvent } from '@switchboard/channels';
import { eq, sql } from 'drizzle-orm';
import type { Ctx, DomainDeps } from '../context';
import { flush } from '../run';
import { applyBounce } from './apply-bounce';
import { applyReaction } from './apply-reaction';
import { applyDeliveryStatus } from './apply-status';
import { ingestInboundMessage } from './ingest-message';

export interface NormalizeScope {
  inboxKind: InboxKind;
  eventKind: 'message' | 'status';
}
/** The channel adapter's pure normalizer; passed in so the domain stays free of provider code. */
export type Normalizer = (scope: NormalizeScope, payload: EventPayload) => InboundEvent[];

/**
 * Processes one stored provider event exactly once: the row is locked, its effects and the
 * processed mark commit together, and a second run finds it processed and does nothing.
 */
export async function processInboundEvent(
  deps: DomainDeps,
  eventId: number,
  normalize: Normalizer,
): Promise<'processed' | 'skipped'> {
  const afterCommit: Ctx['afterCommit'] = { jobs: [], events: [] };
  const outcome = await deps.db.transaction(async (tx) => {
    const [event] = await tx
      .select({
        inboxId: schema.inboundEvents.inboxId,
        workspaceId: schema.inboundEvents.workspaceId,
        kind: schema.inboundEvents.kind,
        payload: schema.inboundEvents.payload,
        processedAt: schema.inboundEvents.processedAt,
        receivedAt: schema.inboundEvents.receivedAt,
        // Microsecond precision: the arrival order of webhooks within one millisecond.
        receivedAtExact: sql<string>`${schema.inboundEvents.receivedAt}::text`,
      })
      .from(schema.inboundEvents)
      .where(eq(schema.inboundEvents.id, eventId))
      .for('update');
    if (!event || event.processedAt) return 'skipped' as const;
    const [inbox] = await tx
      .select({
        id: schema.inboxes.id,
        kind: schema.inboxes.kind,
        address: schema.inboxes.address,
        defaultTeamId: schema.inboxes.defaultTeamId,
      })
      .from(schema.inboxes)
      .where(eq(schema.inboxes.id, event.inboxId));
    if (!inbox) return 'skipped' as const;

    const ctx: Ctx = {
      db: tx,
      workspaceId: event.workspaceId,
      actor: { type: 'webhook' },
      deps,
      afterCommit,
    };
    const payload = event.payload as EventPayload;
    for (const item of normalize({ inboxKind: inbox.kind, eventKind: event.kind }, payload)) {
      if (item.type === 'message')
        await ingestInboundMessage(ctx, inbox, item, event.receivedAtExact);
      else if (item.type === 'reaction') await applyReaction(ctx, inbox.id, item, event.receivedAt);
      else if (item.type === 'bounce') await applyBounce(ctx, item);
      else await applyDeliveryStatus(ctx, inbox.id, item, event.receivedAt);
    }
    await tx
      .update(schema.inboundEvents)
      .set({ processedAt: sql`now()`, attempts: sql`${schema.inboundEvents.attempts} + 1` })
      .where(eq(schema.inboundEvents.id, eventId));
    return 'processed' as const;
  });
  await flush(deps, afterCommit);
  return outcome;
}

/** Records why an event could not be processed, for operators; it stays pending for the sweeper. */
export async function noteInboundFailure(
  deps: DomainDeps,
  eventId: number,
  error: string,
): Promise<void> {
  await deps.db
    .update(schema.inboundEvents)
    .set({ attempts: sql`${schema.inboundEvents.attempts} + 1`, lastError: error.slice(0, 1000) })
    .where(eq(schema.inboundEvents.id, eventId));
}
