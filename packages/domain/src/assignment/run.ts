import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx, DomainDeps } from '../context';
import { runOperation } from '../run';
import type { ConversationRecord } from '../conversations/load';
import { giveConversation } from './give';
import { lockAssignments } from './lock';
import { pickAgent, type AutomaticMode } from './pick-agent';
import { queueOrder, teamQueue } from './queue-order';

const c = schema.conversations;
/** A run hands out at most this many before yielding the worker slot to other teams. */
const MAX_PER_RUN = 200;

/**
 * Drains a team's Waiting queue to its online agents, one conversation per short transaction
 * under the workspace's assignment lock. Stops when nobody has room or nothing waits.
 * Returns how many it assigned, and whether it stopped early with work left.
 */
export async function runAssignment(
  deps: DomainDeps,
  input: { workspaceId: string; teamId: string },
): Promise<{ assigned: number; more: boolean }> {
  const scope = { workspaceId: input.workspaceId, actor: { type: 'system' as const } };
  let assigned = 0;
  while (assigned < MAX_PER_RUN) {
    // A look without the lock first: most runs find nothing to do and must not queue behind
    // the runs that do. Whatever enables an assignment later requests its own run.
    const mode = await automaticMode(deps.db, input);
    if (!mode) break;
    if (!(await pickAgent(deps.db, input.workspaceId, input.teamId, mode))) break;
    const [waiting] = await deps.db
      .select({ id: c.id })
      .from(c)
      .where(teamQueue(input, input.teamId))
      .limit(1);
    if (!waiting) break;
    const done = await runOperation(deps, scope, (ctx) => assignNext(ctx, input.teamId));
    if (!done) break;
    assigned++;
  }
  return { assigned, more: assigned >= MAX_PER_RUN };
}

async function automaticMode(
  db: DomainDeps['db'] | Ctx['db'],
  input: { workspaceId: string; teamId: string },
): Promise<AutomaticMode | null> {
  const [team] = await db
    .select({ mode: schema.teams.assignmentMode })
    .from(schema.teams)
    .where(and(eq(schema.teams.id, input.teamId), eq(schema.teams.workspaceId, input.workspaceId)));
  return team && team.mode !== 'manual' ? team.mode : null;
}

/** One assignment under the lock: the first of the queue to the best agent. False: nothing to do. */
async function assignNext(ctx: Ctx, teamId: string): Promise<boolean> {
  await lockAssignments(ctx);
  const mode = await automaticMode(ctx.db, { workspaceId: ctx.workspaceId, teamId });
  if (!mode) return false;
  const agent = await pickAgent(ctx.db, ctx.workspaceId, teamId, mode);
  if (!agent) return false;
  const next = await firstInQueue(ctx, teamId);
  if (!next) return false;
  await giveConversation(ctx, next, agent.id, {
    type: 'assigned',
    detail: { by: 'system', to: agent.id, toName: agent.name, mode },
  });
  return true;
}

/**
 * The head of the queue, selected and locked in one statement. A row another transaction
 * holds is skipped, not waited for: that holder (an agent accepting, a supervisor assigning,
 * a transfer) locked the row first and now waits for the assignment lock this run holds, so
 * waiting on it would deadlock. The skipped row is theirs to settle; the next run sees it.
 */
async function firstInQueue(ctx: Ctx, teamId: string): Promise<ConversationRecord | null> {
  const [head] = await ctx.db
    .select()
    .from(c)
    .where(teamQueue(ctx, teamId))
    .orderBy(...queueOrder)
    .limit(1)
    .for('update', { skipLocked: true });
  return head ?? null;
}
