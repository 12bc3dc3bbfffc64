import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { recordActivity } from '../conversations/activity';
import { Conflict, Invalid } from '../errors';
import { visitorConversation, type VisitorConversationView } from './visitor-conversation';
import { latestVisitorConversationForUpdate, type VisitorScope } from './visitor-latest';

const c = schema.conversations;

export const RATING_COMMENT_MAX = 1000;

/**
 * The visitor rates their ended chat, 1 to 5 with an optional comment. They may change their
 * mind: the latest rating counts, and each one is a line in the agent's thread.
 */
export async function rateVisitorConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: VisitorScope & { score: number; comment?: string | undefined };
}): Promise<VisitorConversationView> {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
    throw Invalid('invalid_score', 'Rate from 1 to 5.');
  const comment = input.comment?.replace(/\r\n/g, '\n').trim() || null;
  if (comment && comment.length > RATING_COMMENT_MAX)
    throw Invalid('comment_too_long', `Keep the comment under ${RATING_COMMENT_MAX} characters.`);
  const found = await latestVisitorConversationForUpdate(ctx, input);
  if (!found || found.conversation.status !== 'closed')
    throw Conflict('not_closed', 'A chat can be rated once it has ended.');
  const [rated] = await ctx.db
    .update(c)
    .set({
      rating: input.score,
      ratingComment: comment,
      ratedAt: sql`now()`,
      version: sql`${c.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(c.id, found.conversation.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!rated) throw Conflict('not_closed', 'A chat can be rated once it has ended.');
  await recordActivity(ctx, rated, 'rated', { score: input.score });
  return visitorConversation({ ctx, input });
}
