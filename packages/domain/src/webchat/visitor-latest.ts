import { schema } from '@switchboard/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { contactIdByIdentity } from '../contacts/find-by-identity';
import type { ConversationRecord } from '../conversations/load';

const c = schema.conversations;

export interface VisitorScope {
  inboxId: string;
  visitorId: string;
}

export interface VisitorConversationRecord {
  conversation: ConversationRecord;
  /** The visitor's first message in it (Postgres text, microseconds kept): they see from here on. */
  visitorSince: string;
  contactId: string;
}

/**
 * The visitor's latest conversation in this inbox: the live one, else the last closed. A
 * conversation counts as theirs only once they wrote in it: someone who typed another
 * customer's email joins that contact, but not the conversations before them.
 */
export async function latestVisitorConversation(
  ctx: Ctx,
  scope: VisitorScope,
): Promise<VisitorConversationRecord | null> {
  const contactId = await contactIdByIdentity(ctx, 'web', scope.visitorId);
  if (!contactId) return null;
  const byVisitor = sql`vm.conversation_id = ${c.id} and vm.direction = 'inbound'
    and vm.metadata->>'visitorId' = ${scope.visitorId}`;
  const [row] = await ctx.db
    .select({
      conversation: c,
      visitorSince: sql<string>`(select min(vm.occurred_at)::text from messages vm where ${byVisitor})`,
    })
    .from(c)
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.inboxId, scope.inboxId),
        eq(c.contactId, contactId),
        sql`exists (select 1 from messages vm where ${byVisitor})`,
      ),
    )
    .orderBy(sql`${c.status} = 'closed'`, desc(c.createdAt))
    .limit(1);
  return row ? { ...row, contactId } : null;
}

/**
 * The same, locked for this transaction, as it is once the lock is ours: an agent may have
 * taken or closed it meanwhile.
 */
export async function latestVisitorConversationForUpdate(
  ctx: Ctx,
  scope: VisitorScope,
): Promise<VisitorConversationRecord | null> {
  const found = await latestVisitorConversation(ctx, scope);
  if (!found) return null;
  const [locked] = await ctx.db
    .select()
    .from(c)
    .where(and(eq(c.id, found.conversation.id), eq(c.workspaceId, ctx.workspaceId)))
    .for('update');
  return locked ? { ...found, conversation: locked } : null;
}
