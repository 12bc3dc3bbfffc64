import { schema } from '@switchboard/db';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Ctx, DomainDeps } from '../context';
import { loadInboxConnection, type InboxConnectionRecord } from '../inboxes/load';

const m = schema.messages;
/** Channels that show the customer that the business read their message. */
const READ_RECEIPT_KINDS = ['whatsapp_cloud'] as const;

/** An agent opened the conversation: tell the provider the customer's latest message was read. */
export async function scheduleReadReceipt(ctx: Ctx, conversationId: string) {
  const [latest] = await ctx.db
    .select({ id: m.id, reported: sql<boolean>`${m.metadata} ? 'readReportedAt'` })
    .from(m)
    .where(
      and(
        eq(m.conversationId, conversationId),
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.direction, 'inbound'),
        isNotNull(m.providerMessageId),
        sql`${m.channel} in ${READ_RECEIPT_KINDS}`,
      ),
    )
    .orderBy(desc(m.occurredAt), desc(m.seq))
    .limit(1);
  if (latest && !latest.reported)
    ctx.afterCommit.jobs.push({ name: 'provider.mark_read', payload: { messageId: latest.id } });
}

export interface ReadReceipt {
  providerMessageId: string;
  inbox: InboxConnectionRecord;
}

export async function loadReadReceipt(
  deps: DomainDeps,
  messageId: string,
): Promise<ReadReceipt | null> {
  const [message] = await deps.db
    .select({ providerMessageId: m.providerMessageId, inboxId: m.inboxId })
    .from(m)
    .where(and(eq(m.id, messageId), sql`not ${m.metadata} ? 'readReportedAt'`));
  if (!message?.providerMessageId) return null;
  const inbox = await loadInboxConnection(deps.db, message.inboxId, deps.secretKey);
  return inbox ? { providerMessageId: message.providerMessageId, inbox } : null;
}

export async function recordReadReported(deps: DomainDeps, messageId: string) {
  await deps.db
    .update(m)
    .set({ metadata: sql`${m.metadata} || jsonb_build_object('readReportedAt', now())` })
    .where(eq(m.id, messageId));
}
