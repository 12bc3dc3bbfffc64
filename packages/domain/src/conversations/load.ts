import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { NotFound } from '../errors';
import { presentConversations, selectConversations, type ConversationView } from './present';
import { visibleTo } from './visibility';

const c = schema.conversations;

export type ConversationRecord = typeof c.$inferSelect;

/**
 * The conversation, locked for this transaction, if the actor may see it. Anything else,
 * including another workspace's id, is "not found": we never confirm what exists elsewhere.
 */
export async function loadConversationForUpdate(ctx: Ctx, id: string): Promise<ConversationRecord> {
  const [row] = await ctx.db
    .select()
    .from(c)
    .where(and(eq(c.id, id), eq(c.workspaceId, ctx.workspaceId), visibleTo(ctx.actor)))
    .for('update');
  if (!row) throw NotFound('Conversation');
  return row;
}

export async function getConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<ConversationView> {
  const rows = await selectConversations(
    ctx.db,
    and(eq(c.id, input.id), eq(c.workspaceId, ctx.workspaceId), visibleTo(ctx.actor)),
  );
  const [view] = await presentConversations(ctx, rows);
  if (!view) throw NotFound('Conversation');
  return view;
}

/**
 * The conversation as it is now, without the visibility check: for an operation whose caller
 * just handed it on (transfer, hold) and may no longer see it, to answer with the result.
 */
export async function presentAfterHandOff(ctx: Ctx, id: string): Promise<ConversationView> {
  const rows = await selectConversations(
    ctx.db,
    and(eq(c.id, id), eq(c.workspaceId, ctx.workspaceId)),
  );
  const [view] = await presentConversations(ctx, rows);
  if (!view) throw NotFound('Conversation');
  return view;
}
