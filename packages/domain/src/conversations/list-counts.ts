import { schema, type ConversationStatus, type Executor } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';
import { heldBy, ofTeamsOf, takenPartInBy } from './list-tabs';
import { hiddenBy, type ListingScope } from './visibility';

const c = schema.conversations;
const p = schema.conversationParticipants;
const h = schema.conversationHidden;

export interface TabCounts {
  waiting: number;
  open: number;
  closed: number;
  /** The workspace's Closed tab is counted up to CLOSED_COUNT_CAP: true means that many or more. */
  closedCapped: boolean;
  unread: Record<ConversationStatus, number>;
}

/**
 * Every conversation a workspace ever closed is in its Closed tab: a million of them take
 * an index scan of a million entries to count exactly, for a badge that would read 999+.
 */
export const CLOSED_COUNT_CAP = 999;

/** How many of one status pass `filter`, and how many of those have unread messages. */
const tally = (workspaceId: string, status: ConversationStatus, filter: SQL | undefined) => sql`(
  select count(*)::int as count, (count(*) filter (where ${c.unreadCount} > 0))::int as unread
  from ${c}
  where ${c.workspaceId} = ${workspaceId} and ${c.status} = ${status}
    ${filter ? sql`and ${filter}` : sql``})`;

/**
 * Closed conversations a user took part in, not hidden by them. Counting them row by row
 * means one lookup per conversation they ever touched (tens of thousands for a long-serving
 * agent), so the count is their participations (an index-only count) less those still
 * live and those they hid; the unread ones come from the small unread index.
 */
function closedOfParticipant(workspaceId: string, userId: string) {
  return sql`(
    select (
      -- A user belongs to one workspace, so their participations are all in it; a workspace
      -- test here would read every row from the table instead of the index alone.
      (select count(*) from ${p} where ${p.userId} = ${userId})
      - (select count(*) from ${p} join ${c} on ${c.id} = ${p.conversationId}
         where ${p.userId} = ${userId} and ${c.workspaceId} = ${workspaceId}
           and ${c.status} in ('waiting', 'open'))
      - (select count(*) from ${h} join ${c} on ${c.id} = ${h.conversationId}
         where ${h.userId} = ${userId} and ${c.workspaceId} = ${workspaceId}
           and ${c.status} = 'closed' and ${takenPartInBy(userId)})
    )::int as count,
    false as capped,
    (select count(*) from ${c}
     where ${c.workspaceId} = ${workspaceId} and ${c.status} = 'closed' and ${c.unreadCount} > 0
       and ${takenPartInBy(userId)} and not ${hiddenBy(userId)})::int as unread)`;
}

/** Closed conversations of the workspace, less those the viewer hid. */
function closedOfWorkspace(workspaceId: string, viewerId: string | null) {
  const hidden = viewerId
    ? sql`(select count(*) from ${h} join ${c} on ${c.id} = ${h.conversationId}
           where ${h.userId} = ${viewerId} and ${c.workspaceId} = ${workspaceId}
             and ${c.status} = 'closed')`
    : sql`0`;
  const upTo = sql`(select count(*) from (select 1 from ${c}
    where ${c.workspaceId} = ${workspaceId} and ${c.status} = 'closed'
    limit ${CLOSED_COUNT_CAP + 1}) capped)`;
  return sql`(
    select (case when counted.total > ${CLOSED_COUNT_CAP} then ${CLOSED_COUNT_CAP}
                 else counted.total - ${hidden} end)::int as count,
      counted.total > ${CLOSED_COUNT_CAP} as capped,
      (select count(*) from ${c}
       where ${c.workspaceId} = ${workspaceId} and ${c.status} = 'closed' and ${c.unreadCount} > 0
         ${viewerId ? sql`and not ${hiddenBy(viewerId)}` : sql``})::int as unread
    from (select ${upTo} as total) counted)`;
}

/**
 * The three tab counts of a scope in one statement, each tab counted through its own index
 * (the lists' visibility rules, split by status so no row of another tab is visited).
 */
export async function tabCounts(
  db: Executor,
  workspaceId: string,
  scope: ListingScope,
): Promise<TabCounts> {
  const notHidden = (userId: string | null) => (userId ? sql`not ${hiddenBy(userId)}` : undefined);
  let waiting: SQL;
  let open: SQL;
  let closed: SQL;
  if (scope.kind === 'workspace') {
    waiting = tally(workspaceId, 'waiting', notHidden(scope.viewerId));
    open = tally(workspaceId, 'open', notHidden(scope.viewerId));
    closed = closedOfWorkspace(workspaceId, scope.viewerId);
  } else {
    const userId = scope.userId;
    waiting = tally(workspaceId, 'waiting', sql`${ofTeamsOf(userId)} and not ${hiddenBy(userId)}`);
    open = tally(workspaceId, 'open', sql`${heldBy(userId)} and not ${hiddenBy(userId)}`);
    closed = closedOfParticipant(workspaceId, userId);
  }
  const [row] = await db.execute<{
    waiting: number;
    waiting_unread: number;
    open: number;
    open_unread: number;
    closed: number;
    closed_capped: boolean;
    closed_unread: number;
  }>(sql`
    select w.count as waiting, w.unread as waiting_unread, o.count as open, o.unread as open_unread,
           cl.count as closed, cl.capped as closed_capped, cl.unread as closed_unread
    from ${waiting} w, ${open} o, ${closed} cl`);
  if (!row) throw new Error('tab counts returned nothing');
  return {
    waiting: row.waiting,
    open: row.open,
    closed: row.closed,
    closedCapped: row.closed_capped,
    unread: { waiting: row.waiting_unread, open: row.open_unread, closed: row.closed_unread },
  };
}
