import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { NotFound } from '../errors';
import { requireAdmin } from '../teams/present';
import { lockRules, renumberRules } from './positions';

export async function deleteRoutingRule({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  requireAdmin(ctx.actor, 'manage routing rules');
  await lockRules(ctx);
  const [row] = await ctx.db
    .delete(schema.routingRules)
    .where(
      and(
        eq(schema.routingRules.id, input.id),
        eq(schema.routingRules.workspaceId, ctx.workspaceId),
      ),
    )
    .returning({ id: schema.routingRules.id });
  if (!row) throw NotFound('Routing rule');
  await renumberRules(ctx);
}
