import { schema } from '@switchboard/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';

const c = schema.conversations;

/** A team's Waiting queue that assignment serves: blocked customers are never handed out. */
export const teamQueue = (ctx: Pick<Ctx, 'workspaceId'>, teamId: string) =>
  and(
    eq(c.workspaceId, ctx.workspaceId),
    eq(c.teamId, teamId),
    eq(c.status, 'waiting'),
    sql`not exists (select 1 from contacts bc where bc.id = "conversations"."contact_id" and bc.blocked)`,
  );

/** Who is served first: the most urgent, then whoever has waited longest. */
export const queueOrder = [desc(c.priority), sql`${c.waitingSince} asc nulls last`, asc(c.id)];
