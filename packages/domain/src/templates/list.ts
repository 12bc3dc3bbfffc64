import { schema } from '@switchboard/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { NotFound } from '../errors';

const t = schema.messageTemplates;

export interface TemplateList {
  items: Array<{
    id: string;
    name: string;
    language: string;
    category: string;
    body: string;
    parameterCount: number;
  }>;
  syncedAt: string | null;
}

/** The approved templates an agent may send from one inbox of their workspace. */
export async function listTemplates({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { inboxId: string };
}): Promise<TemplateList> {
  const [inbox] = await ctx.db
    .select({ templatesSyncedAt: schema.inboxes.templatesSyncedAt })
    .from(schema.inboxes)
    .where(
      and(eq(schema.inboxes.id, input.inboxId), eq(schema.inboxes.workspaceId, ctx.workspaceId)),
    );
  if (!inbox) throw NotFound('Inbox');
  const items = await ctx.db
    .select({
      id: t.id,
      name: t.name,
      language: t.language,
      category: t.category,
      body: t.body,
      parameterCount: t.parameterCount,
    })
    .from(t)
    .where(
      and(
        eq(t.inboxId, input.inboxId),
        eq(t.workspaceId, ctx.workspaceId),
        eq(t.status, 'APPROVED'),
      ),
    )
    .orderBy(asc(t.name), asc(t.language));
  return { items, syncedAt: inbox.templatesSyncedAt?.toISOString() ?? null };
}
