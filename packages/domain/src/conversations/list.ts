import { schema, type ConversationStatus } from '@switchboard/db';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { Invalid } from '../errors';
import { presentConversations, selectConversations, type ConversationView } from './present';
import { hiddenBy, listedTo, needsHelpOf, visibleTo } from './visibility';

const c = schema.conversations;

export interface ListConversationsInput {
  tab: ConversationStatus;
  /**
   * `needs_help`: open conversations whose agent asked for help (my teams'; staff: all).
   * `hidden`: what I hid and may still see, in any status (`tab` is ignored), newest first.
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
  const needsHelp = input.view === 'needs_help';
  const hidden = input.view === 'hidden';
  const waiting = input.tab === 'waiting' && !needsHelp && !hidden;

  const conditions: Array<SQL | undefined> = [
    eq(c.workspaceId, ctx.workspaceId),
    ...(needsHelp
      ? [needsHelpOf(ctx.actor), hiddenFrom(ctx)]
      : hidden
        ? [visibleTo(ctx.actor), hiddenOnly(ctx)]
        : [eq(c.status, input.tab), listedTo(ctx.actor)]),
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
  const rows = await selectConversations(ctx.db, and(...conditions))
    .orderBy(
      ...(waiting
        ? [sql`${c.waitingSince} asc`, sql`${c.id} asc`]
        : [sql`${c.lastMessageAt} desc`, sql`${c.id} desc`]),
    )
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ key: (waiting ? last.waitingKey : last.recentKey) ?? '', id: last.id })
      : null;
  const items: ConversationView[] = await presentConversations(ctx, page);
  return { items, nextCursor };
}

/** Needs-help views skip what the actor hid, like the tabs do. */
function hiddenFrom(ctx: Ctx): SQL | undefined {
  if (ctx.actor.type !== 'user') return undefined;
  return sql`not ${hiddenBy(ctx.actor.id)}`;
}

/** The hidden view: only what this user hid (nothing for a non-user actor). */
function hiddenOnly(ctx: Ctx): SQL {
  return ctx.actor.type === 'user' ? hiddenBy(ctx.actor.id) : sql`false`;
}

/**
 * Live counts for the three tabs, under the same visibility as the lists, and per tab how
 * many of them have unread messages (`unreadCount > 0`).
 */
export async function countConversations({ ctx }: { ctx: Ctx }) {
  const rows = await ctx.db
    .select({
      status: c.status,
      count: sql<number>`count(*)::int`,
      unread: sql<number>`(count(*) filter (where ${c.unreadCount} > 0))::int`,
    })
    .from(c)
    .where(and(eq(c.workspaceId, ctx.workspaceId), listedTo(ctx.actor)))
    .groupBy(c.status);
  const counts = { waiting: 0, open: 0, closed: 0 };
  const unread = { waiting: 0, open: 0, closed: 0 };
  for (const row of rows) {
    counts[row.status] = row.count;
    unread[row.status] = row.unread;
  }
  return { ...counts, unread };
}
