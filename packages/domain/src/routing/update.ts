import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { NotFound } from '../errors';
import { requireAdmin } from '../teams/present';
import { selectRules } from './list';
import { lockRules, renumberRules } from './positions';
import { assertActionTargets } from './schema';

const r = schema.routingRules;

export async function updateRoutingRule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    id: string;
    name?: string | undefined;
    enabled?: boolean | undefined;
    position?: number | undefined;
    conditions?: schema.RoutingConditions | undefined;
    actions?: schema.RoutingActions | undefined;
  };
}) {
  requireAdmin(ctx.actor, 'manage routing rules');
  if (input.actions) await assertActionTargets(ctx, input.actions);
  await lockRules(ctx);
  const rules = await selectRules(ctx.db, ctx.workspaceId);
  const current = rules.find((rule) => rule.id === input.id);
  if (!current) throw NotFound('Routing rule');

  const { id, position, ...fields } = input;
  const changes = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(changes).length)
    await ctx.db
      .update(r)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(r.id, id), eq(r.workspaceId, ctx.workspaceId)));

  if (position !== undefined && position !== current.position) {
    // Move it to the requested place (clamped) and shift the others around it.
    const order = rules.filter((rule) => rule.id !== id).map((rule) => rule.id);
    order.splice(Math.max(0, Math.min(position, order.length)), 0, id);
    for (const [index, ruleId] of order.entries()) {
      await ctx.db
        .update(r)
        .set({ position: index })
        .where(and(eq(r.id, ruleId), eq(r.workspaceId, ctx.workspaceId)));
    }
  }
  await renumberRules(ctx);
  const after = await selectRules(ctx.db, ctx.workspaceId);
  return after.find((rule) => rule.id === id)!;
}
