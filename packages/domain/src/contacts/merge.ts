import { schema } from '@switchboard/db';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isStaff, requireUser, type Ctx } from '../context';
import { Conflict, Forbidden, NotFound } from '../errors';
import { conversationUpdated, recordActivity } from '../conversations/activity';
import { MAX_CONTACT_NOTES } from './fields';
import { liveConversations, presentContact, type ContactView } from './load';

const ct = schema.contacts;
const c = schema.conversations;
const ci = schema.contactIdentities;

/**
 * Staff merge a duplicate customer (`contactId`) into this one (`id`): its identities and
 * conversations move here, blank fields are filled from it, and it stays as a row pointing
 * at this one (`merged_into_id`), so old links resolve. One transaction.
 *
 * The database keeps one live conversation per (contact, inbox). When both customers have a
 * live conversation in the same inbox the merge is refused (409 `both_have_live_conversation`,
 * naming both references): which one to close is an agent's call, not ours.
 */
export async function mergeContacts({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; contactId: string };
}): Promise<ContactView> {
  const user = requireUser(ctx.actor);
  if (!isStaff(user)) throw Forbidden('Only a supervisor or an admin can merge contacts.');
  if (input.id === input.contactId)
    throw Conflict('merge_into_itself', 'A contact cannot be merged into itself.');

  // Ingest serializes per identity with an advisory lock; taking the same locks (in a fixed
  // order, before any row lock) means no message of either customer is filed mid-merge.
  const identities = await ctx.db
    .select({ kind: ci.kind, address: ci.address })
    .from(ci)
    .where(
      and(eq(ci.workspaceId, ctx.workspaceId), inArray(ci.contactId, [input.id, input.contactId])),
    );
  const lockKeys = [
    ...new Set(
      identities.map(
        ({ kind, address }) =>
          `${ctx.workspaceId}:${kind === 'whatsapp' ? 'phone' : kind}:${address}`,
      ),
    ),
  ].sort();
  for (const key of lockKeys)
    await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);

  const locked = await ctx.db
    .select()
    .from(ct)
    .where(and(eq(ct.workspaceId, ctx.workspaceId), inArray(ct.id, [input.id, input.contactId])))
    .orderBy(asc(ct.id))
    .for('update');
  const survivor = locked.find((row) => row.id === input.id);
  const merged = locked.find((row) => row.id === input.contactId);
  if (!survivor || !merged) throw NotFound('Contact');
  if (survivor.mergedIntoId)
    throw Conflict(
      'already_merged',
      'This contact was merged into another one; merge into that contact instead.',
    );
  if (merged.mergedIntoId)
    throw Conflict('already_merged', 'That contact has already been merged into another one.');

  const mine = alias(c, 'mine');
  const theirs = alias(c, 'theirs');
  const clashes = await ctx.db
    .select({ mine: mine.reference, theirs: theirs.reference })
    .from(mine)
    .innerJoin(theirs, eq(theirs.inboxId, mine.inboxId))
    .where(
      and(
        eq(mine.workspaceId, ctx.workspaceId),
        eq(mine.contactId, survivor.id),
        ne(mine.status, 'closed'),
        eq(theirs.workspaceId, ctx.workspaceId),
        eq(theirs.contactId, merged.id),
        ne(theirs.status, 'closed'),
      ),
    );
  if (clashes.length) {
    const pairs = clashes.map((clash) => `${clash.mine} and ${clash.theirs}`).join(', ');
    throw Conflict(
      'both_have_live_conversation',
      `Both contacts have a live conversation in the same inbox (${pairs}). Close one, then merge.`,
    );
  }

  await ctx.db
    .update(ci)
    .set({ contactId: survivor.id })
    .where(and(eq(ci.workspaceId, ctx.workspaceId), eq(ci.contactId, merged.id)));
  const moved = await ctx.db
    .update(c)
    .set({ contactId: survivor.id, version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(c.workspaceId, ctx.workspaceId), eq(c.contactId, merged.id)))
    .returning();
  if (moved.length) {
    await ctx.db
      .update(schema.messages)
      .set({ authorContactId: survivor.id })
      .where(
        and(
          eq(schema.messages.workspaceId, ctx.workspaceId),
          inArray(
            schema.messages.conversationId,
            moved.map((conversation) => conversation.id),
          ),
          eq(schema.messages.authorContactId, merged.id),
        ),
      );
  }
  // Contacts merged earlier into the one going away point straight at the survivor.
  await ctx.db
    .update(ct)
    .set({ mergedIntoId: survivor.id, updatedAt: sql`now()` })
    .where(and(eq(ct.workspaceId, ctx.workspaceId), eq(ct.mergedIntoId, merged.id)));
  await ctx.db
    .update(ct)
    .set({ mergedIntoId: survivor.id, updatedAt: sql`now()` })
    .where(and(eq(ct.workspaceId, ctx.workspaceId), eq(ct.id, merged.id)));
  const [updated] = await ctx.db
    .update(ct)
    .set({
      name: survivor.name ?? merged.name,
      country: survivor.country ?? merged.country,
      language: survivor.language ?? merged.language,
      notes: combinedNotes(survivor.notes, merged.notes),
      updatedAt: sql`now()`,
    })
    .where(and(eq(ct.workspaceId, ctx.workspaceId), eq(ct.id, survivor.id)))
    .returning();

  const live = await liveConversations(ctx, survivor.id);
  for (const conversation of live) {
    await recordActivity(ctx, conversation, 'contacts_merged', {
      contactId: survivor.id,
      mergedContactId: merged.id,
      mergedContactName: merged.name,
    });
  }
  // Moved closed conversations show a new contact too; live ones got their hint above.
  const hinted = new Set(live.map((conversation) => conversation.id));
  for (const conversation of moved)
    if (!hinted.has(conversation.id))
      ctx.afterCommit.events.push(conversationUpdated(ctx, conversation));

  return presentContact(ctx, updated ?? survivor);
}

/** Keeps both customers' notes: the survivor's first, within the notes limit. */
function combinedNotes(survivor: string | null, merged: string | null): string | null {
  if (!merged || merged === survivor) return survivor;
  if (!survivor) return merged;
  return `${survivor}\n\n${merged}`.slice(0, MAX_CONTACT_NOTES);
}
