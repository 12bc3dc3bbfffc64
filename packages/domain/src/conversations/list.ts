import { schema, type ConversationStatus } from '@switchboard/db';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { isStaff, type Ctx } from '../context';
import { Forbidden, Invalid } from '../errors';
import { loadWorkspaceUser } from './guards';
import { tabCounts } from './list-counts';
import { presentConversations, selectConversations, type ConversationView } from './present';
import { listedInTab } from './list-tabs';
import { hiddenIn, needsHelpIn, type ListingScope } from './visibility';

export { CLOSED_COUNT_CAP } from './list-counts';

const c = schema.conversations;

/**
 * Whose inbox to list (supervisor mode). `scope=mine`: my own tabs, as an agent sees theirs
 * (the default for agents). `scope=all`: the whole workspace (staff only; their default).
 * `agentId`: that user's own tabs exactly as they see them (staff only).
 */
export interface ListingScopeInput {
  scope?: 'mine' | 'all' | undefined;
  agentId?: string | undefined;
}

export interface ListConversationsInput extends ListingScopeInput {
  tab: ConversationStatus;
  /**
   * `needs_help`: open conversations whose agent asked for help: of the scope's user's teams
   * for an agent's view, of the whole workspace for staff (`scope=all`, or their own view:
   * they may join any of them).
   * `hidden`: what the scope's user (or I, for `scope=all`) hid and may still see, in any
   * status (`tab` is ignored), newest first.
   */
  view?: 'needs_help' | 'hidden' | undefined;
  tagId?: string | undefined;
  teamId?: string | undefined;
  inboxId?: string | undefined;
  limit?: number;
  cursor?: string | undefined;
}

interface Cursor {
  key: string;
  id: string;
}

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');

function decodeCursor(raw: string): Cursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))
      return { key, id };
  } catch {
    // fall through to the error below
  }
  throw Invalid('invalid_cursor', 'The cursor is not valid; start again from the first page.');
}

/**
 * One tab of the inbox, keyset-paginated: Waiting oldest first (the queue order), Open and
 * Closed by latest activity. Each order matches an index in the schema.
 */
export async function listConversations({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ListConversationsInput;
}) {
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 100);
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
  const scope = await resolveListingScope(ctx, input);
  // Staff may join any conversation that asks for help, so their own needs-help view spans
  // the workspace; an agent's view (theirs, or looked at by staff) keeps to their teams.
  const staffOwnView =
    scope.kind === 'user' &&
    isStaff(ctx.actor) &&
    ctx.actor.type === 'user' &&
    scope.userId === ctx.actor.id;
  const helpScope: ListingScope = staffOwnView
    ? { kind: 'workspace', viewerId: scope.userId }
    : scope;
  const needsHelp = input.view === 'needs_help';
  const hidden = input.view === 'hidden';
  const waiting = input.tab === 'waiting' && !needsHelp && !hidden;

  const conditions: Array<SQL | undefined> = [
    eq(c.workspaceId, ctx.workspaceId),
    needsHelp
      ? needsHelpIn(helpScope)
      : hidden
        ? hiddenIn(scope)
        : and(eq(c.status, input.tab), listedInTab(scope, input.tab)),
    input.teamId ? eq(c.teamId, input.teamId) : undefined,
    input.inboxId ? eq(c.inboxId, input.inboxId) : undefined,
    input.tagId
      ? sql`exists (select 1 from ${schema.conversationTags} ct
          where ct.conversation_id = ${c.id} and ct.tag_id = ${input.tagId})`
      : undefined,
  ];
  if (cursor) {
    conditions.push(
      waiting
        ? sql`(${c.waitingSince}, ${c.id}) > (${cursor.key}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${c.lastMessageAt}, ${c.id}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  // `nulls last` as the indexes are built: a plain `desc` (nulls first) does not match them,
  // and the planner then sorted the whole tab (a million closed rows) for one page.
  const order = waiting
    ? [sql`${c.waitingSince} asc`, sql`${c.id} asc`]
    : [sql`${c.lastMessageAt} desc nulls last`, sql`${c.id} desc nulls last`];
  // The page's ids first, then what the list shows for those few: joining inboxes, contacts
  // and users before the sort would cost one lookup of each per candidate row.
  const pageIds = ctx.db
    .select({ id: c.id })
    .from(c)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);
  const rows = await selectConversations(ctx.db, inArray(c.id, pageIds)).orderBy(...order);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ key: (waiting ? last.waitingKey : last.recentKey) ?? '', id: last.id })
      : null;
  const items: ConversationView[] = await presentConversations(ctx, page);
  return { items, nextCursor };
}

/**
 * Turns `scope` / `agentId` into whose inbox to list. Agents only ever list their own (403
 * otherwise, whatever the id, so nothing about colleagues leaks); a user of another workspace
 * is "not found".
 */
export async function resolveListingScope(
  ctx: Ctx,
  input: ListingScopeInput,
): Promise<ListingScope> {
  const actor = ctx.actor;
  if (actor.type !== 'user') return { kind: 'workspace', viewerId: null };
  const staff = isStaff(actor);
  if (!staff && (input.scope === 'all' || input.agentId !== undefined))
    throw Forbidden('Only supervisors and admins can see other agents’ conversations.');
  if (input.agentId !== undefined) {
    if (input.scope !== undefined)
      throw Invalid('invalid_scope', 'Pass either scope or agentId, not both.');
    const user = await loadWorkspaceUser(ctx, input.agentId);
    return { kind: 'user', userId: user.id };
  }
  const mine = input.scope === 'mine' || (input.scope === undefined && !staff);
  return mine ? { kind: 'user', userId: actor.id } : { kind: 'workspace', viewerId: actor.id };
}

/**
 * Live counts for the three tabs, under the same visibility and scope as the lists, and per
 * tab how many of them have unread messages (`unreadCount > 0`).
 */
export async function countConversations({
  ctx,
  input = {},
}: {
  ctx: Ctx;
  input?: ListingScopeInput;
}) {
  const scope = await resolveListingScope(ctx, input);
  return tabCounts(ctx.db, ctx.workspaceId, scope);
}
