import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import {
  addParticipant,
  alsoTell,
  recordActivity,
  type ActivityType,
} from '../conversations/activity';
import type { ConversationRecord } from '../conversations/load';
import { Conflict } from '../errors';

const c = schema.conversations;

/**
 * Makes the conversation open and the agent's. The caller holds the workspace assignment lock
 * and has checked the agent's capacity.
 */
export async function giveConversation(
  ctx: Ctx,
  current: ConversationRecord,
  agentId: string,
  activity: { type: ActivityType; detail?: Record<string, unknown> },
): Promise<ConversationRecord> {
  const fromWaiting = current.status === 'waiting';
  const [updated] = await ctx.db
    .update(c)
    .set({
      status: 'open',
      ...(fromWaiting ? { phase: 'in_progress' as const } : {}),
      assigneeId: agentId,
      lastAssigneeId: agentId,
      waitingSince: null,
      firstAssignedAt: sql`coalesce(${c.firstAssignedAt}, now())`,
      // A supervisor moving it from one agent to another is a transfer too.
      ...(current.assigneeId && current.assigneeId !== agentId
        ? { transferCount: sql`${c.transferCount} + 1` }
        : {}),
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(c.id, current.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!updated) throw Conflict('not_waiting', 'This conversation changed meanwhile.');
  await ctx.db
    .update(schema.users)
    // The clock, not the transaction start: runs that queued behind the lock started earlier.
    .set({ lastAssignedAt: sql`clock_timestamp()` })
    .where(and(eq(schema.users.id, agentId), eq(schema.users.workspaceId, ctx.workspaceId)));
  await addParticipant(ctx, updated.id, agentId);
  await recordActivity(ctx, updated, activity.type, activity.detail);
  if (current.assigneeId !== agentId) alsoTell(ctx, updated.id, current.assigneeId);
  return updated;
}
