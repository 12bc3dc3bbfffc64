import { requireUser, type Ctx } from '../context';
import { Conflict } from '../errors';
import { recordActivity } from './activity';
import { inviteParticipant, isInvitedUser } from './guards';
import { getConversation, loadConversationForUpdate } from './load';

/**
 * An agent of the team (or staff) joins a conversation that needs help: it shows in their
 * Open tab and they may write notes and replies, as if invited. Joining again changes nothing.
 */
export async function joinConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const user = requireUser(ctx.actor);
  const current = await loadConversationForUpdate(ctx, input.id);
  if (current.status !== 'open' || current.phase !== 'needs_help')
    throw Conflict('not_needs_help', 'Only a conversation that asks for help can be joined.');
  if (current.assigneeId === user.id)
    throw Conflict('already_yours', 'This conversation is already yours.');
  if (await isInvitedUser(ctx, current.id, user.id)) return getConversation({ ctx, input });
  await inviteParticipant(ctx, current.id, user.id);
  await recordActivity(ctx, current, 'joined');
  return getConversation({ ctx, input });
}
