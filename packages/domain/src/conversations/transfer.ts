import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';
import { Conflict, Invalid, NotFound } from '../errors';
import { addNote, cleanText } from '../messages/send-reply';
import { addParticipant, alsoTell, recordActivity } from './activity';
import {
  agentLoad,
  assertRoom,
  lockAssignments,
  requestAssignment,
  requestAssignmentForAgent,
} from '../assignment';
import { person, requireHolder, updateConversation } from './guards';
import { loadConversationForUpdate, presentAfterHandOff } from './load';
import type { ConversationView } from './present';

const c = schema.conversations;

export type TransferInput =
  | { id: string; toUserId: string; toTeamId?: undefined; note?: string | undefined }
  | { id: string; toTeamId: string; toUserId?: undefined; note?: string | undefined };

/**
 * Hands a conversation on. To an agent: open and theirs (refused when they are at capacity).
 * To a team: back to Waiting in that team, unassigned. Either way it counts as an
 * escalation, and the note stays in the thread as a private note.
 */
export async function transferConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: TransferInput;
}): Promise<ConversationView> {
  requireUser(ctx.actor);
  const current = await loadConversationForUpdate(ctx, input.id);
  if (current.status === 'closed')
    throw Conflict('already_closed', 'Reopen the conversation before transferring it.');
  requireHolder(ctx, current, 'transfer it');
  const from = current.assigneeId ? await userName(ctx, current.assigneeId) : null;
  const note = input.note ? cleanText(input.note, { allowEmpty: true }) : '';

  if (input.toUserId !== undefined) {
    // The workspace's assignment lock: no worker or colleague fills the same slot meanwhile.
    await lockAssignments(ctx);
    const target = await agentLoad(ctx.db, ctx.workspaceId, input.toUserId);
    if (!target) throw NotFound('User');
    if (target.id === current.assigneeId)
      throw Invalid('same_assignee', 'The conversation is already theirs.');
    assertRoom(target, 'them');
    if (note) await addNote(ctx, current.id, note);
    const updated = await updateConversation(ctx, current.id, {
      status: 'open',
      phase: 'in_progress',
      snoozedUntil: null,
      assigneeId: target.id,
      lastAssigneeId: target.id,
      waitingSince: null,
      firstAssignedAt: sql`coalesce(${c.firstAssignedAt}, now())`,
      escalationCount: sql`${c.escalationCount} + 1`,
      transferCount: sql`${c.transferCount} + 1`,
    });
    await ctx.db
      .update(schema.users)
      .set({ lastAssignedAt: sql`now()` })
      .where(and(eq(schema.users.id, target.id), eq(schema.users.workspaceId, ctx.workspaceId)));
    await addParticipant(ctx, current.id, target.id);
    await recordActivity(ctx, updated, 'transferred', { from, to: person(target), toTeam: null });
    alsoTell(ctx, current.id, current.assigneeId);
    if (current.assigneeId) await requestAssignmentForAgent(ctx, current.assigneeId);
  } else {
    const [team] = await ctx.db
      .select({ id: schema.teams.id, name: schema.teams.name })
      .from(schema.teams)
      .where(
        and(eq(schema.teams.id, input.toTeamId), eq(schema.teams.workspaceId, ctx.workspaceId)),
      );
    if (!team) throw NotFound('Team');
    if (note) await addNote(ctx, current.id, note);
    const updated = await updateConversation(ctx, current.id, {
      status: 'waiting',
      phase: 'in_progress',
      snoozedUntil: null,
      teamId: team.id,
      assigneeId: null,
      lastAssigneeId: sql`coalesce(${c.assigneeId}, ${c.lastAssigneeId})`,
      waitingSince: sql`now()`,
      queuedAt: sql`coalesce(${c.queuedAt}, now())`,
      escalationCount: sql`${c.escalationCount} + 1`,
      transferCount: sql`${c.transferCount} + 1`,
    });
    await recordActivity(ctx, updated, 'transferred', { from, to: null, toTeam: team });
    alsoTell(ctx, current.id, current.assigneeId);
    requestAssignment(ctx, team.id);
    if (current.assigneeId) await requestAssignmentForAgent(ctx, current.assigneeId);
  }
  // The agent who handed it on may no longer see it; they still get the result of their action.
  return presentAfterHandOff(ctx, current.id);
}

async function userName(ctx: Ctx, id: string) {
  const [user] = await ctx.db
    .select({ id: schema.users.id, name: schema.users.name })
    .from(schema.users)
    .where(and(eq(schema.users.id, id), eq(schema.users.workspaceId, ctx.workspaceId)));
  return user ?? { id, name: '' };
}
