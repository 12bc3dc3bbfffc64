import { schema, type Executor } from '@switchboard/db';
import { asc, eq } from 'drizzle-orm';
import { isStaff, type Ctx } from '../context';
import { Forbidden } from '../errors';
import type { RoutingRuleView } from './schema';

const r = schema.routingRules;

export async function selectRules(db: Executor, workspaceId: string): Promise<RoutingRuleView[]> {
  return db
    .select({
      id: r.id,
      name: r.name,
      position: r.position,
      enabled: r.enabled,
      conditions: r.conditions,
      actions: r.actions,
    })
    .from(r)
    .where(eq(r.workspaceId, workspaceId))
    .orderBy(asc(r.position), asc(r.createdAt), asc(r.id));
}

/** The rules in evaluation order; supervisors and admins read them. */
export async function listRoutingRules({ ctx }: { ctx: Ctx }) {
  if (!isStaff(ctx.actor)) throw Forbidden('Only supervisors and admins can see routing rules.');
  return selectRules(ctx.db, ctx.workspaceId);
}
