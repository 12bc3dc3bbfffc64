import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';
import { Conflict } from '../errors';
import { addParticipant, recordActivity } from './activity';
import { getConversation, loadConversationForUpdate } from './load';

const c = schema.conversations;

/** An agent takes a waiting conversation: it becomes open and theirs. */
export async function acceptConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const user = requireUser(ctx.actor);
  const current = await loadConversationForUpdate(ctx, input.id);
  if (current.status !== 'waiting') {
    throw Conflict(
      'not_waiting',
      'This conversation is no longer waiting; someone may have accepted it already.',
    );
  }
  const [updated] = await ctx.db
    .update(c)
    .set({
      status: 'open',
      phase: 'in_progress',
      assigneeId: user.id,
      lastAssigneeId: user.id,
      waitingSince: null,
      firstAssignedAt: sql`coalesce(${c.firstAssignedAt}, now())`,
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(c.id, current.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!updated) throw Conflict('not_waiting', 'This conversation is no longer waiting.');
  await ctx.db
    .update(schema.users)
    .set({ lastAssignedAt: sql`now()` })
    .where(eq(schema.users.id, user.id));
  await addParticipant(ctx, updated.id, user.id);
  await recordActivity(ctx, updated, 'accepted');
  return getConversation({ ctx, input });
}
