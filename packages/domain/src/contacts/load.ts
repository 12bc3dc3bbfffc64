import {
  schema,
  type ConversationPhase,
  type ConversationStatus,
  type IdentityKind,
  type InboxKind,
} from '@switchboard/db';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isStaff, type Ctx } from '../context';
import { NotFound } from '../errors';
import { visibleTo } from '../conversations/visibility';

const ct = schema.contacts;
const c = schema.conversations;
const assignee = alias(schema.users, 'assignee');

export type ContactRecord = typeof ct.$inferSelect;

export interface ContactView {
  id: string;
  name: string | null;
  country: string | null;
  language: string | null;
  blocked: boolean;
  notes: string | null;
  identities: Array<{ kind: IdentityKind; address: string; displayName: string | null }>;
  /** Non-closed conversations of this customer in every inbox; `visible`: the caller may open it. */
  openConversations: Array<{
    id: string;
    reference: string;
    status: Exclude<ConversationStatus, 'closed'>;
    phase: ConversationPhase;
    inbox: { id: string; kind: InboxKind; name: string };
    assignee: { id: string; name: string } | null;
    visible: boolean;
  }>;
  createdAt: string;
}

/** Merges are at most a few hops deep (merge repoints older merges); this bounds a bad cycle. */
const MAX_MERGE_HOPS = 8;

/**
 * The contact by id in this workspace, following merges to the surviving contact, so a link
 * or a client cache holding a merged contact's id keeps working. Optionally row-locked.
 */
export async function resolveContact(
  ctx: Ctx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContactRecord> {
  let currentId = id;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const query = ctx.db
      .select()
      .from(ct)
      .where(and(eq(ct.id, currentId), eq(ct.workspaceId, ctx.workspaceId)));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    if (!row) break;
    if (!row.mergedIntoId) return row;
    currentId = row.mergedIntoId;
  }
  throw NotFound('Contact');
}

/**
 * Agents reach a contact through its conversations: one they may see is enough. Staff see
 * every contact of the workspace. Anything else answers "not found", never "forbidden".
 */
export async function assertContactVisible(ctx: Ctx, contactId: string): Promise<void> {
  if (isStaff(ctx.actor)) return;
  const [seen] = await ctx.db
    .select({ id: c.id })
    .from(c)
    .where(
      and(eq(c.contactId, contactId), eq(c.workspaceId, ctx.workspaceId), visibleTo(ctx.actor)),
    )
    .limit(1);
  if (!seen) throw NotFound('Contact');
}

/** The contact the actor may see, merges followed; optionally locked for a change. */
export async function loadVisibleContact(
  ctx: Ctx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ContactRecord> {
  const contact = await resolveContact(ctx, id, options);
  await assertContactVisible(ctx, contact.id);
  return contact;
}

/** The customer's live conversations in this workspace, for activity lines and the panel. */
export function liveConversations(ctx: Ctx, contactId: string) {
  return ctx.db
    .select()
    .from(c)
    .where(
      and(eq(c.contactId, contactId), eq(c.workspaceId, ctx.workspaceId), ne(c.status, 'closed')),
    )
    .orderBy(asc(c.createdAt));
}

export async function presentContact(ctx: Ctx, contact: ContactRecord): Promise<ContactView> {
  const identities = await ctx.db
    .select({
      kind: schema.contactIdentities.kind,
      address: schema.contactIdentities.address,
      displayName: schema.contactIdentities.displayName,
    })
    .from(schema.contactIdentities)
    .where(
      and(
        eq(schema.contactIdentities.contactId, contact.id),
        eq(schema.contactIdentities.workspaceId, ctx.workspaceId),
      ),
    )
    .orderBy(asc(schema.contactIdentities.createdAt), asc(schema.contactIdentities.address));
  const visible = visibleTo(ctx.actor);
  const open = await ctx.db
    .select({
      id: c.id,
      reference: c.reference,
      status: c.status,
      phase: c.phase,
      inboxId: c.inboxId,
      inboxKind: schema.inboxes.kind,
      inboxName: schema.inboxes.name,
      assigneeId: c.assigneeId,
      assigneeName: assignee.name,
      visible: visible ? sql<boolean>`coalesce(${visible}, false)` : sql<boolean>`true`,
    })
    .from(c)
    .innerJoin(schema.inboxes, eq(schema.inboxes.id, c.inboxId))
    .leftJoin(assignee, eq(assignee.id, c.assigneeId))
    .where(
      and(eq(c.contactId, contact.id), eq(c.workspaceId, ctx.workspaceId), ne(c.status, 'closed')),
    )
    .orderBy(desc(c.lastMessageAt));
  return {
    id: contact.id,
    name: contact.name,
    country: contact.country,
    language: contact.language,
    blocked: contact.blocked,
    notes: contact.notes,
    identities,
    openConversations: open.map((row) => ({
      id: row.id,
      reference: row.reference,
      status: row.status === 'open' ? 'open' : 'waiting',
      phase: row.phase,
      inbox: { id: row.inboxId, kind: row.inboxKind, name: row.inboxName },
      assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
      visible: Boolean(row.visible),
    })),
    createdAt: contact.createdAt.toISOString(),
  };
}
