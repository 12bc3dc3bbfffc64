import { schema, type BusinessHours } from '@switchboard/db';
import type { Ctx } from '../context';
import { requireAdmin, selectTeams, type TeamView } from './present';

export interface TeamFields {
  name: string;
  assignmentMode?: TeamView['assignmentMode'] | undefined;
  sequenceMode?: boolean | undefined;
  businessHours?: BusinessHours | null | undefined;
  autoReply?: schema.TeamAutoReply | undefined;
  idleCloseHours?: number | null | undefined;
}

export async function createTeam({ ctx, input }: { ctx: Ctx; input: TeamFields }) {
  requireAdmin(ctx.actor, 'create teams');
  const [row] = await ctx.db
    .insert(schema.teams)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      ...(input.assignmentMode ? { assignmentMode: input.assignmentMode } : {}),
      ...(input.sequenceMode !== undefined ? { sequenceMode: input.sequenceMode } : {}),
      businessHours: input.businessHours ?? null,
      autoReply: input.autoReply ?? {},
      idleCloseHours: input.idleCloseHours ?? null,
    })
    .returning({ id: schema.teams.id });
  if (!row) throw new Error('team insert returned nothing');
  const [team] = await selectTeams(ctx.db, ctx.workspaceId, [row.id]);
  return team!;
}
