import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { afterClosing, closingChanges } from '../conversations/close';
import { Conflict } from '../errors';
import { visitorConversation, type VisitorConversationView } from './visitor-conversation';
import { latestVisitorConversationForUpdate, type VisitorScope } from './visitor-latest';

const c = schema.conversations;

/**
 * The visitor ends their chat ("End chat" in the widget). Served by an agent it counts as
 * resolved; still in the queue, as cancelled: the customer gave up asking. The agent who held it
 * has a free slot at once.
 */
export async function closeVisitorConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: VisitorScope;
}): Promise<VisitorConversationView> {
  const found = await latestVisitorConversationForUpdate(ctx, input);
  const current = found?.conversation;
  if (!current || current.status === 'closed')
    throw Conflict('already_closed', 'This chat has already ended.');
  const outcome = current.status === 'open' ? 'resolved' : 'cancelled';
  const [closed] = await ctx.db
    .update(c)
    .set(closingChanges(outcome, 'customer'))
    .where(and(eq(c.id, current.id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!closed) throw Conflict('already_closed', 'This chat has already ended.');
  await afterClosing(ctx, closed, current.status === 'open' ? current.assigneeId : null, {
    by: 'customer',
    outcome,
  });
  return visitorConversation({ ctx, input });
}
