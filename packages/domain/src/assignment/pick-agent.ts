import { schema, type Executor } from '@switchboard/db';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { openCount } from './capacity';

const u = schema.users;
export type AutomaticMode = 'round_robin' | 'least_busy';

/**
 * The team member who should get the next conversation: online, active and under capacity.
 * Round robin: whoever was assigned least recently. Least busy: fewest open, then longest idle.
 * Never assigned counts as idle the longest.
 */
export async function pickAgent(
  db: Executor,
  workspaceId: string,
  teamId: string,
  mode: AutomaticMode,
): Promise<{ id: string; name: string; openCount: number } | null> {
  const load = openCount();
  const idle = sql`${u.lastAssignedAt} asc nulls first`;
  const [agent] = await db
    .select({ id: u.id, name: u.name, openCount: load })
    .from(u)
    .innerJoin(
      schema.teamMembers,
      and(eq(schema.teamMembers.userId, u.id), eq(schema.teamMembers.teamId, teamId)),
    )
    .where(
      and(
        eq(u.workspaceId, workspaceId),
        eq(u.presence, 'online'),
        isNull(u.deactivatedAt),
        lt(load, u.capacity),
      ),
    )
    .orderBy(...(mode === 'least_busy' ? [asc(load), idle] : [idle]), asc(u.id))
    .limit(1);
  return agent ?? null;
}
