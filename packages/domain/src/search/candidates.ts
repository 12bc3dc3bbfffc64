import { schema } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../context';
import { ofTeamsOf } from '../conversations/list-tabs';

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
