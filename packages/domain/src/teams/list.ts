import type { Ctx } from '../context';
import { selectTeams } from './present';

/** Every team of the workspace, for any signed-in user (pickers, transfer dialog). */
export async function listTeams({ ctx }: { ctx: Ctx }) {
  return selectTeams(ctx.db, ctx.workspaceId);
}
