import { schema } from '@switchboard/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';

const m = schema.messages;
const u = schema.users;

export interface VisitorJoin {
  at: string;
  agent: { name: string; avatarUrl: string | null };
}

/**
 * Every time a person took the conversation, for the widget's "<agent> joined" lines: read
 * from the activity log, which says who for each way of taking it (accepting, being assigned
 * or reassigned, a transfer to them, a colleague joining), since the visitor's first message.
 */
export async function visitorJoins(
  ctx: Ctx,
  conversationId: string,
  since: string,
): Promise<VisitorJoin[]> {
  const type = sql`${m.activity}->>'type'`;
  const person = sql`(case ${type}
    when 'assigned' then ${m.activity}->>'to'
    when 'transferred' then ${m.activity}->'to'->>'id'
    else ${m.authorUserId}::text end)::uuid`;
  const rows = await ctx.db
    .select({ at: m.occurredAt, name: u.name, avatarUrl: u.avatarUrl })
    .from(m)
    .innerJoin(u, and(eq(u.id, person), eq(u.workspaceId, ctx.workspaceId)))
    .where(
      and(
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.conversationId, conversationId),
        eq(m.kind, 'activity'),
        sql`${type} in ('accepted', 'assigned', 'transferred', 'joined')`,
        sql`${m.occurredAt} >= ${since}::timestamptz`,
      ),
    )
    .orderBy(asc(m.occurredAt), asc(m.seq));
  return rows.map((row) => ({
    at: row.at.toISOString(),
    agent: { name: row.name, avatarUrl: row.avatarUrl },
  }));
}
