import { isStaff, requireUser, type Ctx } from '../context';
import { getConversation, loadConversationForUpdate } from '../conversations/load';
import { Conflict, Forbidden, NotFound } from '../errors';
import { agentLoad, assertRoom } from './capacity';
import { giveConversation } from './give';
import { lockAssignments } from './lock';
import { requestAssignmentForAgent } from './request';

/** Staff give a waiting or open conversation to an agent of the workspace, within their capacity. */
export async function assignConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; userId: string };
}) {
  const user = requireUser(ctx.actor);
  if (!isStaff(user)) throw Forbidden('Only supervisors and admins can assign conversations.');
  const current = await loadConversationForUpdate(ctx, input.id);
  if (current.status === 'closed')
    throw Conflict('already_closed', 'Reopen this conversation before assigning it.');
  if (current.status === 'open' && current.assigneeId === input.userId)
    return getConversation({ ctx, input });
  await lockAssignments(ctx);
  const agent = await agentLoad(ctx.db, ctx.workspaceId, input.userId);
  if (!agent) throw NotFound('Agent');
  assertRoom(agent, 'them');
  const previous = current.status === 'open' ? current.assigneeId : null;
  await giveConversation(ctx, current, agent.id, {
    type: 'assigned',
    detail: {
      by: 'user',
      to: agent.id,
      toName: agent.name,
      ...(previous ? { from: previous } : {}),
    },
  });
  // The previous holder has a free slot now.
  if (previous) await requestAssignmentForAgent(ctx, previous);
  return getConversation({ ctx, input });
}
