import { schema } from '@switchboard/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';

const r = schema.routingRules;

/** Serializes rule edits per workspace, so two admins reordering at once keep positions sane. */
export async function lockRules(ctx: Ctx) {
  const key = `routing_rules:${ctx.workspaceId}`;
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** Positions 0..n-1 with no gaps, keeping the current order. */
export async function renumberRules(ctx: Ctx) {
  await ctx.db.execute(sql`
    update ${r} set position = ordered.n - 1
    from (
      select id, row_number() over (order by position, created_at, id) as n
      from ${r} where workspace_id = ${ctx.workspaceId}
    ) ordered
    where ${r}.id = ordered.id and ${r}.position <> ordered.n - 1`);
}
