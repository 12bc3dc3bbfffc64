import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { recordActivity } from '../conversations/activity';
import { liveConversations, loadVisibleContact, presentContact, type ContactView } from './load';

/**
 * Blocks or unblocks a customer. Only the flag lives here: ingest reads it (a blocked
 * contact's messages are stored but never queued or assigned). A change writes an activity
 * line in each of the customer's live conversations; repeating it changes nothing.
 */
export async function setContactBlocked({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; blocked: boolean };
}): Promise<ContactView> {
  const contact = await loadVisibleContact(ctx, input.id, { forUpdate: true });
  if (contact.blocked === input.blocked) return presentContact(ctx, contact);
  const [updated] = await ctx.db
    .update(schema.contacts)
    .set({ blocked: input.blocked, updatedAt: sql`now()` })
    .where(
      and(eq(schema.contacts.id, contact.id), eq(schema.contacts.workspaceId, ctx.workspaceId)),
    )
    .returning();
  for (const conversation of await liveConversations(ctx, contact.id)) {
    await recordActivity(
      ctx,
      conversation,
      input.blocked ? 'contact_blocked' : 'contact_unblocked',
      {
        contactId: contact.id,
      },
    );
  }
  return presentContact(ctx, updated ?? contact);
}
