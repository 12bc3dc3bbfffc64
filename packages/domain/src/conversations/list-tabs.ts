import { schema, type ConversationStatus } from '@switchboard/db';
import { sql, type SQL } from 'drizzle-orm';
import { hiddenBy, listedIn, type ListingScope } from './visibility';

const c = schema.conversations;
const p = schema.conversationParticipants;
const tm = schema.teamMembers;

/** Waiting: the queues of the user's teams, and unrouted ones. */
export const ofTeamsOf = (userId: string) => sql`(${c.teamId} is null or ${c.teamId} in
  (select ${tm.teamId} from ${tm} where ${tm.userId} = ${userId}))`;

/** Open: assigned to the user, or they were invited to it or joined it. */
export const heldBy = (userId: string) => sql`(${c.assigneeId} = ${userId} or exists (
  select 1 from ${p} ip where ip.conversation_id = ${c.id} and ip.user_id = ${userId}
    and ip.invited_at is not null))`;

/** Closed: the user took part in it. */
export const takenPartInBy = (userId: string) => sql`exists (
  select 1 from ${p} pp where pp.conversation_id = ${c.id} and pp.user_id = ${userId})`;

/**
 * One tab of a scope: listedIn() with the status known, so only that tab's rule remains
 * (the same rows; the planner no longer weighs the other tabs' subqueries for each row).
 */
export function listedInTab(scope: ListingScope, tab: ConversationStatus): SQL | undefined {
  if (scope.kind === 'workspace') return listedIn(scope);
  const rule = { waiting: ofTeamsOf, open: heldBy, closed: takenPartInBy }[tab](scope.userId);
  return sql`(${rule} and not ${hiddenBy(scope.userId)})`;
}
