import { schema, type Executor } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../context';
import { ofTeamsOf } from '../conversations/list-tabs';
import { idArray } from '../sql-array';

const c = schema.conversations;
const p = schema.conversationParticipants;

/**
 * For an agent, the ids of every conversation they might see, each part read from its own
 * index: the waiting and needs-help ones of their teams (and unrouted ones), those assigned
 * to them, and every one they took part in (closed ones, invitations). A superset of
 * visibleTo(), which still decides row by row: it lets a search test a message's
 * conversation against a hashed set of a few thousand ids instead of joining and checking
 * visibility for each of the workspace's matches. Undefined for staff, who see everything.
 */
export function candidateConversations(actor: Actor, workspaceId: string): SQL | undefined {
  if (actor.type !== 'user' || isStaff(actor)) return undefined;
  const ofMyTeams = ofTeamsOf(actor.id);
  return sql`(
    select ${c.id} from ${c} where ${c.workspaceId} = ${workspaceId} and ${c.status} = 'waiting'
      and ${ofMyTeams}
    union all
    select ${c.id} from ${c} where ${c.workspaceId} = ${workspaceId} and ${c.status} = 'open'
      and (${c.assigneeId} = ${actor.id} or (${c.phase} = 'needs_help' and ${ofMyTeams}))
    union all
    select ${p.conversationId} from ${p}
      where ${p.userId} = ${actor.id} and ${p.workspaceId} = ${workspaceId})`;
}

/**
 * For an agent's search through every message: the messages of the conversations they might
 * see, as one array the planner intersects with the full-text match in the indexes (a
 * BitmapAnd), instead of fetching each of a common word's matches to ask whose it is.
 */
export async function inCandidateConversations(
  db: Executor,
  actor: Actor,
  workspaceId: string,
): Promise<SQL | undefined> {
  const candidates = candidateConversations(actor, workspaceId);
  if (!candidates) return undefined;
  const [row] = await db.execute<{ ids: string[] | null }>(
    sql`select array_agg(id)::text[] as ids from ${candidates} candidates(id)`,
  );
  const ids = row?.ids ?? [];
  return ids.length
    ? sql`${schema.messages.conversationId} = any(${idArray(ids, 'uuid')})`
    : sql`false`;
}
