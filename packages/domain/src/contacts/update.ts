import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { ContactPatch } from './fields';
import { loadVisibleContact, presentContact, type ContactView } from './load';

/** Edits the info panel's fields; absent fields stay, null clears. Input validated by `contactPatchSchema`. */
export async function updateContact({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & ContactPatch;
}): Promise<ContactView> {
  const contact = await loadVisibleContact(ctx, input.id, { forUpdate: true });
  const changes = Object.fromEntries(
    (['name', 'country', 'language', 'notes'] as const)
      .filter((field) => input[field] !== undefined)
      .map((field) => [field, input[field]]),
  ) as Partial<
    Pick<typeof schema.contacts.$inferInsert, 'name' | 'country' | 'language' | 'notes'>
  >;
  if (Object.keys(changes).length === 0) return presentContact(ctx, contact);
  const [updated] = await ctx.db
    .update(schema.contacts)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(
      and(eq(schema.contacts.id, contact.id), eq(schema.contacts.workspaceId, ctx.workspaceId)),
    )
    .returning();
  return presentContact(ctx, updated ?? contact);
}
