import { schema } from '@switchboard/db';
import { requireUser, type Ctx } from '../context';
import { Conflict } from '../errors';
import { presentSavedFilter, type SavedFilterQueryInput, type SavedFilterView } from './query';

/** Saves a named filter for the caller; names are unique per user, ignoring case. */
export async function createSavedFilter({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { name: string; query: SavedFilterQueryInput };
}): Promise<SavedFilterView> {
  const user = requireUser(ctx.actor);
  const [row] = await ctx.db
    .insert(schema.savedFilters)
    .values({ workspaceId: ctx.workspaceId, userId: user.id, name: input.name, query: input.query })
    // The only unique key besides the id is (user, lower(name)).
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw Conflict('saved_filter_exists', `You already have a saved filter named "${input.name}".`);
  return presentSavedFilter(row);
}
