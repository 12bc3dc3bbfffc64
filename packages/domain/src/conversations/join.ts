import { isStaff, requireUser, type Ctx } from '../context';
import { Conflict } from '../errors';
import { recordActivity } from './activity';
import { inviteParticipant, isInvitedUser } from './guards';
import { sendJoinNotice } from './join-notice';
import { getConversation, loadConversationForUpdate } from './load';

/**
 * A colleague joins a conversation: it shows in their Open tab and they may write notes and
 * replies, as if invited. Agents join what their team asked help with; supervisors and admins
 * join any open conversation (supervisor mode), and then the customer is told who joined.
 * Joining again changes nothing.
 */
export async function joinConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const user = requireUser(ctx.actor);
  const staff = isStaff(user);
  const current = await loadConversationForUpdate(ctx, input.id);
  if (staff && current.status !== 'open')
    throw Conflict('not_open', 'Only an open conversation can be joined.');
  if (!staff && (current.status !== 'open' || current.phase !== 'needs_help'))
    throw Conflict('not_needs_help', 'Only a conversation that asks for help can be joined.');
  if (current.assigneeId === user.id)
    throw Conflict('already_yours', 'This conversation is already yours.');
  if (await isInvitedUser(ctx, current.id, user.id)) return getConversation({ ctx, input });
  await inviteParticipant(ctx, current.id, user.id);
  await recordActivity(ctx, current, 'joined');
  if (staff) await sendJoinNotice(ctx, current, { id: user.id, name: user.name });
  return getConversation({ ctx, input });
}
