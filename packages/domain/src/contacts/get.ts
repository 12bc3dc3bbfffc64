import type { Ctx } from '../context';
import { loadVisibleContact, presentContact, type ContactView } from './load';

/**
 * The info panel's contact: fields, every identity and the live conversations in all inboxes.
 * A merged contact's id answers the contact it was merged into (its `id` tells which).
 */
export async function getContact({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<ContactView> {
  return presentContact(ctx, await loadVisibleContact(ctx, input.id));
}
