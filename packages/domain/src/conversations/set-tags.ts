import { schema } from '@switchboard/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context';
import { Invalid } from '../errors';
import { recordActivity } from './activity';
import { updateConversation } from './guards';
import { getConversation, loadConversationForUpdate } from './load';

const ct = schema.conversationTags;

/** Replaces a conversation's tags; the activity line says what was added and removed. */
export async function setConversationTags({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; tagIds: string[] };
}) {
  const current = await loadConversationForUpdate(ctx, input.id);
  const wanted = [...new Set(input.tagIds)];
  const known = wanted.length
    ? await ctx.db
        .select({ id: schema.tags.id, name: schema.tags.name })
        .from(schema.tags)
        .where(and(eq(schema.tags.workspaceId, ctx.workspaceId), inArray(schema.tags.id, wanted)))
    : [];
  if (known.length !== wanted.length)
    throw Invalid('unknown_tag', 'One of the tags does not exist.');
  const present = await ctx.db
    .select({ id: schema.tags.id, name: schema.tags.name })
    .from(ct)
    .innerJoin(schema.tags, eq(schema.tags.id, ct.tagId))
    .where(eq(ct.conversationId, current.id));
  const added = known.filter((tag) => !present.some((p) => p.id === tag.id));
  const removed = present.filter((tag) => !wanted.includes(tag.id));
  if (added.length === 0 && removed.length === 0) return getConversation({ ctx, input });
  if (removed.length) {
    await ctx.db.delete(ct).where(
      and(
        eq(ct.conversationId, current.id),
        inArray(
          ct.tagId,
          removed.map((tag) => tag.id),
        ),
      ),
    );
  }
  if (added.length) {
    await ctx.db
      .insert(ct)
      .values(
        added.map((tag) => ({
          workspaceId: ctx.workspaceId,
          conversationId: current.id,
          tagId: tag.id,
        })),
      )
      .onConflictDoNothing();
  }
  const updated = await updateConversation(ctx, current.id, {});
  await recordActivity(ctx, updated, 'tagged', { added, removed });
  return getConversation({ ctx, input });
}
