import { schema } from '@switchboard/db';
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { presentConversations, selectConversations } from './present';
import { visibleTo } from './visibility';

const c = schema.conversations;

/** Everything this customer raised, on every channel, that the actor may see; newest first. */
export async function listContactConversations({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { contactId: string };
}) {
  const rows = await selectConversations(
    ctx.db,
    and(eq(c.contactId, input.contactId), eq(c.workspaceId, ctx.workspaceId), visibleTo(ctx.actor)),
  )
    .orderBy(desc(c.lastMessageAt))
    .limit(50);
  return { items: await presentConversations(ctx, rows) };
}
