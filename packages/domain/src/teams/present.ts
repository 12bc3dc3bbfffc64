import { schema, type BusinessHours, type Executor } from '@switchboard/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { requireUser, type Actor } from '../context';
import { Forbidden } from '../errors';

const t = schema.teams;

export interface TeamView {
  id: string;
  name: string;
  assignmentMode: 'manual' | 'round_robin' | 'least_busy';
  sequenceMode: boolean;
  businessHours: BusinessHours | null;
  autoReply: schema.TeamAutoReply;
  idleCloseHours: number | null;
  memberIds: string[];
}

/** Teams of the workspace with their members, by name. */
export async function selectTeams(
  db: Executor,
  workspaceId: string,
  ids?: string[],
): Promise<TeamView[]> {
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.workspaceId, workspaceId), ids ? inArray(t.id, ids) : undefined))
    .orderBy(asc(t.name), asc(t.id));
  if (!rows.length) return [];
  const members = await db
    .select({ teamId: schema.teamMembers.teamId, userId: schema.teamMembers.userId })
    .from(schema.teamMembers)
    .where(
      and(
        eq(schema.teamMembers.workspaceId, workspaceId),
        inArray(
          schema.teamMembers.teamId,
          rows.map((row) => row.id),
        ),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    assignmentMode: row.assignmentMode,
    sequenceMode: row.sequenceMode,
    businessHours: row.businessHours ?? null,
    autoReply: row.autoReply,
    idleCloseHours: row.idleCloseHours ?? null,
    memberIds: members.filter((m) => m.teamId === row.id).map((m) => m.userId),
  }));
}

export function requireAdmin(actor: Actor, what: string) {
  const user = requireUser(actor);
  if (user.role !== 'admin') throw Forbidden(`Only admins can ${what}.`);
  return user;
}
