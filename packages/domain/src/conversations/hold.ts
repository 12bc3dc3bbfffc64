import { schema } from '@switchboard/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requestAssignment, requestAssignmentForAgent } from '../assignment';
import { alsoTell, recordActivity } from './activity';
import { requireHolder, requireOpen, updateConversation } from './guards';
import { loadConversationForUpdate, presentAfterHandOff } from './load';

const c = schema.conversations;

/** Puts an open conversation back in its team's Waiting queue, unassigned. */
export async function holdConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const current = await loadConversationForUpdate(ctx, input.id);
  requireOpen(current, 'Only an open conversation can be put back in the queue.');
  requireHolder(ctx, current, 'put it back in the queue');
  const updated = await updateConversation(ctx, current.id, {
    status: 'waiting',
    phase: 'in_progress',
    snoozedUntil: null,
    assigneeId: null,
    lastAssigneeId: sql`coalesce(${c.assigneeId}, ${c.lastAssigneeId})`,
    waitingSince: sql`now()`,
  });
  await recordActivity(ctx, updated, 'held');
  alsoTell(ctx, current.id, current.assigneeId);
  requestAssignment(ctx, updated.teamId);
  // Its holder has a free slot: their automatic teams may hand them another.
  if (current.assigneeId) await requestAssignmentForAgent(ctx, current.assigneeId);
  return presentAfterHandOff(ctx, current.id);
}
