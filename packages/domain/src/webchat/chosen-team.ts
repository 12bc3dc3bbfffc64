import type { InboundMessageEvent } from '@switchboard/channels';
import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';

/**
 * The inbox as a NEW conversation should see it: a web chat visitor who picked a team in the
 * widget starts in that team instead of the inbox's default (routing rules still run after).
 * The team is checked again here: the event was stored by a public endpoint.
 */
export async function withChosenTeam<T extends { kind: string; defaultTeamId: string | null }>(
  ctx: Ctx,
  inbox: T,
  event: InboundMessageEvent,
): Promise<T> {
  const chosen = event.metadata.teamId;
  if (inbox.kind !== 'webchat' || typeof chosen !== 'string') return inbox;
  const [team] = await ctx.db
    .select({ id: schema.teams.id })
    .from(schema.teams)
    .where(and(eq(schema.teams.id, chosen), eq(schema.teams.workspaceId, ctx.workspaceId)));
  return team ? { ...inbox, defaultTeamId: team.id } : inbox;
}
