import { schema } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../context';

const c = schema.conversations;

const myTeams = (userId: string) =>
  sql`(select ${schema.teamMembers.teamId} from ${schema.teamMembers} where ${schema.teamMembers.userId} = ${userId})`;

/** Open conversations the agent was invited to or joined (participants with `invited_at`). */
const invited = (userId: string) => sql`exists (
  select 1 from ${schema.conversationParticipants} ip
  where ip.conversation_id = ${c.id} and ip.user_id = ${userId} and ip.invited_at is not null)`;

/**
 * What shows in an agent's tabs (DESIGN §5): the Waiting queue of their teams (and unrouted
 * ones), their own Open plus those they were invited to or joined, and Closed ones they took
 * part in. Staff list the whole workspace.
 */
function listedToAgent(userId: string): SQL {
  return sql`(
    (${c.status} = 'waiting' and (${c.teamId} is null or ${c.teamId} in ${myTeams(userId)}))
    or (${c.status} = 'open' and (${c.assigneeId} = ${userId} or ${invited(userId)}))
    or (${c.status} = 'closed' and exists (
      select 1 from ${schema.conversationParticipants} p
      where p.conversation_id = ${c.id} and p.user_id = ${userId}))
  )`;
}

/** Open conversations whose agent asked for help, visible to the agents of their team. */
export function needsHelpOf(actor: Actor): SQL {
  const base = sql`(${c.status} = 'open' and ${c.phase} = 'needs_help')`;
  if (actor.type !== 'user' || isStaff(actor)) return base;
  return sql`(${base} and (${c.teamId} is null or ${c.teamId} in ${myTeams(actor.id)}))`;
}

/**
 * Which conversations an actor may see and act on: what their tabs list, and the team's
 * conversations that need help (so they can join). Staff see the whole workspace. The
 * workspace filter is applied by every caller as well.
 */
export function visibleTo(actor: Actor): SQL | undefined {
  if (actor.type !== 'user' || isStaff(actor)) return undefined;
  return sql`(${listedToAgent(actor.id)} or ${needsHelpOf(actor)})`;
}

/** Whether this user hid the conversation from their own lists. */
export function hiddenBy(userId: string): SQL {
  return sql`exists (
    select 1 from ${schema.conversationHidden} h
    where h.user_id = ${userId} and h.conversation_id = ${c.id})`;
}

/** What the actor's tabs and counts show: visible, minus what they hid from their own lists. */
export function listedTo(actor: Actor): SQL | undefined {
  if (actor.type !== 'user') return undefined;
  const notHidden = sql`not ${hiddenBy(actor.id)}`;
  if (isStaff(actor)) return notHidden;
  return sql`(${listedToAgent(actor.id)} and ${notHidden})`;
}

/** Whether this user was invited to (or joined) the conversation. */
export function isInvited(conversationId: string, userId: string): SQL {
  return sql`exists (
    select 1 from ${schema.conversationParticipants} ip
    where ip.conversation_id = ${conversationId} and ip.user_id = ${userId} and ip.invited_at is not null)`;
}
