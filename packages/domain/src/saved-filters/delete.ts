import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';
import { NotFound } from '../errors';

/** Deletes one of the caller's saved filters; someone else's answers "not found". */
export async function deleteSavedFilter({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<void> {
  const user = requireUser(ctx.actor);
  const f = schema.savedFilters;
  const deleted = await ctx.db
    .delete(f)
    .where(and(eq(f.id, input.id), eq(f.workspaceId, ctx.workspaceId), eq(f.userId, user.id)))
    .returning({ id: f.id });
  if (!deleted.length) throw NotFound('Saved filter');
}
