import { schema } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../context';

const c = schema.conversations;

/**
 * Which conversations an actor may see (DESIGN §5): staff see the whole workspace; an agent
 * sees the Waiting queue of their teams (and unrouted ones), their own Open, and Closed ones
 * they took part in. The workspace filter is applied by every caller as well.
 */
export function visibleTo(actor: Actor): SQL | undefined {
  if (actor.type !== 'user' || isStaff(actor)) return undefined;
  return sql`(
    (${c.status} = 'waiting' and (${c.teamId} is null or ${c.teamId} in (
      select ${schema.teamMembers.teamId} from ${schema.teamMembers} where ${schema.teamMembers.userId} = ${actor.id})))
    or (${c.status} = 'open' and ${c.assigneeId} = ${actor.id})
    or (${c.status} = 'closed' and exists (
      select 1 from ${schema.conversationParticipants} p
      where p.conversation_id = ${c.id} and p.user_id = ${actor.id}))
  )`;
}
