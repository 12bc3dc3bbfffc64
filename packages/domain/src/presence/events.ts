import type { Ctx } from '../context';

/** Presence or load of a person changed: staff and that user refetch `/agents` and `/auth/me`. */
export function agentUpdated(ctx: Pick<Ctx, 'workspaceId'>, userId: string) {
  return { type: 'agent.updated' as const, workspaceId: ctx.workspaceId, userId };
}
