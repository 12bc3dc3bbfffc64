import { schema } from '@switchboard/db';
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Ctx, DomainDeps } from '../context';
import { recordActivity } from '../conversations/activity';
import { afterClosing, closingChanges } from '../conversations/close';
import { runOperation } from '../run';

const c = schema.conversations;
const DEFAULT_BATCH = 200;

/**
 * Each sweep handles at most a batch; the next sweep takes the rest. Every conversation is
 * changed in its own transaction under a row lock, and the update repeats the condition, so
 * two sweepers (or an agent acting at the same moment) never apply a change twice.
 */
async function eachDue(
  deps: DomainDeps,
  due: Array<{ id: string; workspaceId: string }>,
  change: (ctx: Ctx, id: string) => Promise<boolean>,
): Promise<number> {
  let changed = 0;
  for (const row of due) {
    try {
      const done = await runOperation(
        deps,
        { workspaceId: row.workspaceId, actor: { type: 'system' } },
        (ctx) => change(ctx, row.id),
      );
      if (done) changed++;
    } catch (error) {
      deps.log?.('scheduled change failed; the next sweep retries', {
        conversationId: row.id,
        error: String(error),
      });
    }
  }
  return changed;
}

/** Snoozed conversations whose time has come go back to in progress for their agent. */
export async function wakeSnoozedConversations(
  deps: DomainDeps,
  options: { limit?: number } = {},
): Promise<number> {
  const due = await deps.db
    .select({ id: c.id, workspaceId: c.workspaceId })
    .from(c)
    // Snoozed is a phase of open conversations: the open-tab index narrows the scan.
    .where(and(eq(c.status, 'open'), eq(c.phase, 'snoozed'), lte(c.snoozedUntil, sql`now()`)))
    .orderBy(c.snoozedUntil)
    .limit(options.limit ?? DEFAULT_BATCH);
  return eachDue(deps, due, async (ctx, id) => {
    const [woken] = await ctx.db
      .update(c)
      .set({
        phase: 'in_progress',
        snoozedUntil: null,
        version: sql`${c.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(c.id, id),
          eq(c.workspaceId, ctx.workspaceId),
          eq(c.phase, 'snoozed'),
          lte(c.snoozedUntil, sql`now()`),
        ),
      )
      .returning();
    if (!woken) return false;
    await recordActivity(ctx, woken, 'woke', { by: 'system' });
    return true;
  });
}

const idleFor = sql`${c.lastOutboundAt} < now() - make_interval(hours => ${schema.teams.idleCloseHours})`;

/**
 * Open conversations waiting on a customer who has not answered for the team's
 * `idleCloseHours` close as `no_reply`.
 */
export async function closeIdleConversations(
  deps: DomainDeps,
  options: { limit?: number } = {},
): Promise<number> {
  const due = await deps.db
    .select({ id: c.id, workspaceId: c.workspaceId })
    .from(c)
    .innerJoin(schema.teams, eq(schema.teams.id, c.teamId))
    .where(
      and(
        eq(c.status, 'open'),
        eq(c.phase, 'waiting_customer'),
        isNotNull(schema.teams.idleCloseHours),
        idleFor,
      ),
    )
    .orderBy(c.lastOutboundAt)
    .limit(options.limit ?? DEFAULT_BATCH);
  return eachDue(deps, due, async (ctx, id) => {
    const [closed] = await ctx.db
      .update(c)
      .set(closingChanges('no_reply', 'system'))
      .where(
        and(
          eq(c.id, id),
          eq(c.workspaceId, ctx.workspaceId),
          eq(c.status, 'open'),
          eq(c.phase, 'waiting_customer'),
          sql`exists (select 1 from ${schema.teams} where ${schema.teams.id} = ${c.teamId}
            and ${schema.teams.idleCloseHours} is not null and ${idleFor})`,
        ),
      )
      .returning();
    if (!closed) return false;
    await afterClosing(ctx, closed, closed.assigneeId, { by: 'system', outcome: 'no_reply' });
    return true;
  });
}
