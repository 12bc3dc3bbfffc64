import type { Ctx } from '../context';
import { Conflict } from '../errors';
import { notify } from '../notifications/mentions';
import { recordActivity } from './activity';
import {
  inviteParticipant,
  isInvitedUser,
  loadWorkspaceUser,
  person,
  requireHolder,
  requireOpen,
} from './guards';
import { getConversation, loadConversationForUpdate } from './load';

/**
 * Brings a colleague in: it shows in their Open tab, they may write notes and replies.
 * Inviting someone already invited changes nothing and answers the conversation as it is.
 */
export async function inviteToConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; userId: string };
}) {
  const current = await loadConversationForUpdate(ctx, input.id);
  requireOpen(current, 'Only an open conversation can have guests.');
  requireHolder(ctx, current, 'invite colleagues');
  const guest = await loadWorkspaceUser(ctx, input.userId);
  if (guest.id === current.assigneeId)
    throw Conflict('already_yours', 'The conversation is already theirs.');
  if (await isInvitedUser(ctx, current.id, guest.id))
    return getConversation({ ctx, input: { id: current.id } });
  await inviteParticipant(ctx, current.id, guest.id);
  await notify(ctx, { userId: guest.id, kind: 'invite', conversationId: current.id });
  await recordActivity(ctx, current, 'invited', { user: person(guest) });
  return getConversation({ ctx, input: { id: current.id } });
}
