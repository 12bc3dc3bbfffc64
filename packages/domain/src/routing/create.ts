import { schema } from '@switchboard/db';
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requireAdmin } from '../teams/present';
import { lockRules, renumberRules } from './positions';
import { assertActionTargets } from './schema';
import { selectRules } from './list';

const r = schema.routingRules;

export async function createRoutingRule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    name: string;
    enabled?: boolean | undefined;
    conditions: schema.RoutingConditions;
    actions: schema.RoutingActions;
  };
}) {
  requireAdmin(ctx.actor, 'manage routing rules');
  await assertActionTargets(ctx, input.actions);
  await lockRules(ctx);
  const [row] = await ctx.db
    .insert(r)
    .values({
      workspaceId: ctx.workspaceId,
      name: input.name,
      enabled: input.enabled ?? true,
      conditions: input.conditions,
      actions: input.actions,
      // Appended last.
      position: sql`(select coalesce(max(${r.position}) + 1, 0) from ${r} where ${eq(r.workspaceId, ctx.workspaceId)})`,
    })
    .returning({ id: r.id });
  if (!row) throw new Error('rule insert returned nothing');
  await renumberRules(ctx);
  const rules = await selectRules(ctx.db, ctx.workspaceId);
  return rules.find((rule) => rule.id === row.id)!;
}
