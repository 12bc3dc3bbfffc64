import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';
import { getConversation } from './load';

const h = schema.conversationHidden;

/** Hides a conversation from my own lists and counts; everyone else still sees it. */
export async function hideConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const user = requireUser(ctx.actor);
  await getConversation({ ctx, input });
  await ctx.db
    .insert(h)
    .values({ workspaceId: ctx.workspaceId, conversationId: input.id, userId: user.id })
    .onConflictDoNothing();
}

/** Shows a hidden conversation in my lists again. */
export async function unhideConversation({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const user = requireUser(ctx.actor);
  await getConversation({ ctx, input });
  await ctx.db
    .delete(h)
    .where(
      and(
        eq(h.workspaceId, ctx.workspaceId),
        eq(h.conversationId, input.id),
        eq(h.userId, user.id),
      ),
    );
}
