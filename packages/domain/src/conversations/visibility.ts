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
 * part in. Staff list the whole workspace unless they ask for their own view.
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

const needsHelp = sql`(${c.status} = 'open' and ${c.phase} = 'needs_help')`;

/** Open conversations whose agent asked for help, of this user's teams (and unrouted ones). */
function needsHelpOfTeamsOf(userId: string): SQL {
  return sql`(${needsHelp} and (${c.teamId} is null or ${c.teamId} in ${myTeams(userId)}))`;
}

/**
 * Which conversations an actor may see and act on: what their tabs list, and the team's
 * conversations that need help (so they can join). Staff see the whole workspace. The
 * workspace filter is applied by every caller as well.
 */
export function visibleTo(actor: Actor): SQL | undefined {
  if (actor.type !== 'user' || isStaff(actor)) return undefined;
  return sql`(${listedToAgent(actor.id)} or ${needsHelpOfTeamsOf(actor.id)})`;
}

/** Whether this user hid the conversation from their own lists. */
export function hiddenBy(userId: string): SQL {
  return sql`exists (
    select 1 from ${schema.conversationHidden} h
    where h.user_id = ${userId} and h.conversation_id = ${c.id})`;
}

/**
 * Whose inbox a listing shows. `workspace`: every conversation (staff, supervisor mode),
 * without what the viewer hid. `user`: one user's own tabs exactly as that user sees them,
 * without what that user hid; an agent's lists are always their own, and staff use it for
 * their own view or to look at any agent's.
 */
export type ListingScope =
  { kind: 'workspace'; viewerId: string | null } | { kind: 'user'; userId: string };

/** The tabs and counts of a scope, before the status filter. */
export function listedIn(scope: ListingScope): SQL | undefined {
  if (scope.kind === 'workspace')
    return scope.viewerId ? sql`not ${hiddenBy(scope.viewerId)}` : undefined;
  return sql`(${listedToAgent(scope.userId)} and not ${hiddenBy(scope.userId)})`;
}

/** The needs-help view of a scope: all of them, or those of the user's teams, minus hidden. */
export function needsHelpIn(scope: ListingScope): SQL {
  if (scope.kind === 'workspace')
    return scope.viewerId ? sql`(${needsHelp} and not ${hiddenBy(scope.viewerId)})` : needsHelp;
  return sql`(${needsHelpOfTeamsOf(scope.userId)} and not ${hiddenBy(scope.userId)})`;
}

/** The hidden view of a scope: what its user hid and may still see (any status). */
export function hiddenIn(scope: ListingScope): SQL {
  if (scope.kind === 'workspace') return scope.viewerId ? hiddenBy(scope.viewerId) : sql`false`;
  return sql`(${hiddenBy(scope.userId)} and (${listedToAgent(scope.userId)} or ${needsHelpOfTeamsOf(scope.userId)}))`;
}

/** Whether this user was invited to (or joined) the conversation. */
export function isInvited(conversationId: string, userId: string): SQL {
  return sql`exists (
    select 1 from ${schema.conversationParticipants} ip
    where ip.conversation_id = ${conversationId} and ip.user_id = ${userId} and ip.invited_at is not null)`;
}
