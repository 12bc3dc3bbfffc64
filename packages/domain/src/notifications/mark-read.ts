import { schema } from '@switchboard/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';

const n = schema.notifications;

/** Marks some of my notifications read, or all of them when no ids are given. */
export async function markNotificationsRead({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { ids?: string[] | undefined };
}): Promise<void> {
  const user = requireUser(ctx.actor);
  if (input.ids && input.ids.length === 0) return;
  await ctx.db
    .update(n)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(n.workspaceId, ctx.workspaceId),
        eq(n.userId, user.id),
        isNull(n.readAt),
        input.ids ? inArray(n.id, input.ids) : undefined,
      ),
    );
}
