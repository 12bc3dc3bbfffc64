import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import { isStaff, requireUser, type Ctx } from '../context';
import { Conflict, Forbidden } from '../errors';
import { agentLoad, assertRoom } from '../assignment/capacity';
import { giveConversation } from '../assignment/give';
import { lockAssignments } from '../assignment/lock';
import { queueOrder, teamQueue } from '../assignment/queue-order';
import { getConversation, loadConversationForUpdate, type ConversationRecord } from './load';

const c = schema.conversations;

/**
 * An agent takes a waiting conversation: it becomes open and theirs. Under the workspace's
 * assignment lock, so an agent at capacity is refused even while the worker hands out others.
 */
export async function acceptConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const user = requireUser(ctx.actor);
  const current = await loadConversationForUpdate(ctx, input.id);
  if (current.status !== 'waiting') {
    throw Conflict(
      'not_waiting',
      'This conversation is no longer waiting; someone may have accepted it already.',
    );
  }
  await lockAssignments(ctx);
  if (!isStaff(user)) await requireOldestInSequence(ctx, current);
  const agent = await agentLoad(ctx.db, ctx.workspaceId, user.id);
  if (!agent) throw Forbidden();
  assertRoom(agent, 'you');
  await giveConversation(ctx, current, user.id, { type: 'accepted' });
  return getConversation({ ctx, input });
}

/** Sequence mode: agents serve the team's queue in order, so nobody cherry-picks. */
async function requireOldestInSequence(ctx: Ctx, current: ConversationRecord): Promise<void> {
  if (!current.teamId) return;
  const [team] = await ctx.db
    .select({ sequenceMode: schema.teams.sequenceMode })
    .from(schema.teams)
    .where(and(eq(schema.teams.id, current.teamId), eq(schema.teams.workspaceId, ctx.workspaceId)));
  if (!team?.sequenceMode) return;
  const [oldest] = await ctx.db
    .select({ id: c.id, reference: c.reference })
    .from(c)
    .where(teamQueue(ctx, current.teamId))
    .orderBy(...queueOrder)
    .limit(1);
  if (oldest && oldest.id !== current.id) {
    throw Conflict(
      'not_oldest',
      `This team serves conversations in order: accept ${oldest.reference} first.`,
    );
  }
}
