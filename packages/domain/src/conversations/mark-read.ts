import { schema } from '@switchboard/db';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { conversationUpdated } from './activity';
import { getConversation } from './load';
import { scheduleReadReceipt } from '../messages/report-read';

/** Clears the unread mark once someone who may see the conversation has opened it. */
export async function markConversationRead({
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
    .set({ unreadCount: 0, version: sql`${c.version} + 1` })
    .where(and(eq(c.id, input.id), eq(c.workspaceId, ctx.workspaceId), gt(c.unreadCount, 0)))
    .returning();
  if (updated) ctx.afterCommit.events.push(conversationUpdated(ctx, updated));
  await scheduleReadReceipt(ctx, input.id);
}
