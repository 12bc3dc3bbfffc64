import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { conversationUpdated } from './activity';
import { getConversation } from './load';

/** Marks a conversation unread again (the unread dot), to come back to it later. */
export async function markConversationUnread({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<void> {
  await getConversation({ ctx, input });
  const c = schema.conversations;
  const [updated] = await ctx.db
    .update(c)
    .set({ unreadCount: sql`greatest(${c.unreadCount}, 1)`, version: sql`${c.version} + 1` })
    .where(and(eq(c.id, input.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (updated) ctx.afterCommit.events.push(conversationUpdated(ctx, updated));
}
