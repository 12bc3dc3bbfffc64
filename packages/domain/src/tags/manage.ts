import { schema } from '@switchboard/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import { isStaff, requireUser, type Ctx } from '../context';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors';

const t = schema.tags;

export interface TagView {
  id: string;
  name: string;
  color: string;
}

const columns = { id: t.id, name: t.name, color: t.color };

function cleanName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 50) throw Invalid('invalid_tag', 'A tag name has 1 to 50 characters.');
  return name;
}

async function assertFree(ctx: Ctx, name: string, exceptId?: string) {
  const [taken] = await ctx.db
    .select({ id: t.id })
    .from(t)
    .where(
      and(
        eq(t.workspaceId, ctx.workspaceId),
        sql`lower(${t.name}) = lower(${name})`,
        exceptId ? ne(t.id, exceptId) : undefined,
      ),
    );
  if (taken) throw Conflict('tag_exists', `A tag named “${name}” already exists.`);
}

/** The workspace's tags, alphabetically. */
export async function listTags({ ctx }: { ctx: Ctx }): Promise<TagView[]> {
  return ctx.db
    .select(columns)
    .from(t)
    .where(eq(t.workspaceId, ctx.workspaceId))
    .orderBy(sql`lower(${t.name})`);
}

/** Any user may create a tag while tagging; names are unique per workspace, ignoring case. */
export async function createTag({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { name: string; color?: string | undefined };
}): Promise<TagView> {
  requireUser(ctx.actor);
  const name = cleanName(input.name);
  await assertFree(ctx, name);
  const [tag] = await ctx.db
    .insert(t)
    .values({ workspaceId: ctx.workspaceId, name, ...(input.color ? { color: input.color } : {}) })
    .returning(columns);
  if (!tag) throw new Error('insert returned nothing');
  return tag;
}

/** Staff rename or recolor a tag. */
export async function updateTag({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; name?: string | undefined; color?: string | undefined };
}): Promise<TagView> {
  if (!isStaff(ctx.actor)) throw Forbidden('Only supervisors and admins can change tags.');
  const name = input.name === undefined ? undefined : cleanName(input.name);
  if (name) await assertFree(ctx, name, input.id);
  const [tag] = await ctx.db
    .update(t)
    .set({ ...(name ? { name } : {}), ...(input.color ? { color: input.color } : {}) })
    .where(and(eq(t.id, input.id), eq(t.workspaceId, ctx.workspaceId)))
    .returning(columns);
  if (!tag) throw NotFound('Tag');
  return tag;
}

/** Staff delete a tag; it disappears from every conversation. */
export async function deleteTag({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  if (!isStaff(ctx.actor)) throw Forbidden('Only supervisors and admins can delete tags.');
  const [tag] = await ctx.db
    .delete(t)
    .where(and(eq(t.id, input.id), eq(t.workspaceId, ctx.workspaceId)))
    .returning({ id: t.id });
  if (!tag) throw NotFound('Tag');
}
