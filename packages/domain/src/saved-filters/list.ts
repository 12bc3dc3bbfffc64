import { schema } from '@switchboard/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';
import { presentSavedFilter, type SavedFilterView } from './query';

const f = schema.savedFilters;

/** The caller's own saved filters, by name. */
export async function listSavedFilters({ ctx }: { ctx: Ctx }): Promise<SavedFilterView[]> {
  const user = requireUser(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(f)
    .where(and(eq(f.workspaceId, ctx.workspaceId), eq(f.userId, user.id)))
    .orderBy(asc(sql`lower(${f.name})`), asc(f.createdAt));
  return rows.map(presentSavedFilter);
}
