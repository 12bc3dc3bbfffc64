import { schema } from '@switchboard/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { publicAttachmentUrl } from '../attachments/public-link';
import { contactIdByIdentity } from '../contacts/find-by-identity';
import { queuePosition } from './queue-position';

const c = schema.conversations;
const m = schema.messages;

export interface VisitorMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  text: string;
  createdAt: string;
  author: { name: string } | null;
  automatic: boolean;
  attachments: Array<{ id: string; fileName: string; contentType: string; url: string }>;
}

export interface VisitorConversationView {
  conversation: {
    id: string;
    reference: string;
    status: 'waiting' | 'open' | 'closed';
    outcome: string | null;
    queuePosition: number | null;
    agent: { name: string } | null;
  } | null;
  messages: VisitorMessage[];
}

/**
 * The visitor's latest conversation in this inbox (the live one, else the last closed) with
 * what the customer may see: messages only, never notes or activity lines. A conversation counts
 * as theirs only once they wrote in it, and they see it from their first message on: someone
 * who typed another customer's email joins that contact but not the history before them.
 */
export async function visitorConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { inboxId: string; visitorId: string };
}): Promise<VisitorConversationView> {
  const empty = { conversation: null, messages: [] };
  const contactId = await contactIdByIdentity(ctx, 'web', input.visitorId);
  if (!contactId) return empty;
  const [row] = await ctx.db
    .select({
      conversation: c,
      agentName: schema.users.name,
      visitorSince: sql<string>`(select min(vm.occurred_at)::text from messages vm
        where vm.conversation_id = ${c.id} and vm.direction = 'inbound'
          and vm.metadata->>'visitorId' = ${input.visitorId})`,
    })
    .from(c)
    .leftJoin(schema.users, eq(schema.users.id, c.assigneeId))
    .where(
      and(
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.inboxId, input.inboxId),
        eq(c.contactId, contactId),
        sql`exists (select 1 from messages vm where vm.conversation_id = ${c.id}
          and vm.direction = 'inbound' and vm.metadata->>'visitorId' = ${input.visitorId})`,
      ),
    )
    .orderBy(sql`${c.status} = 'closed'`, desc(c.createdAt))
    .limit(1);
  if (!row) return empty;
  const { conversation } = row;
  return {
    conversation: {
      id: conversation.id,
      reference: conversation.reference,
      status: conversation.status,
      outcome: conversation.outcome,
      queuePosition:
        conversation.status === 'waiting' ? await queuePosition(ctx, conversation) : null,
      agent: row.agentName ? { name: row.agentName } : null,
    },
    messages: await visibleMessages(ctx, conversation.id, row.visitorSince),
  };
}

async function visibleMessages(
  ctx: Ctx,
  conversationId: string,
  since: string,
): Promise<VisitorMessage[]> {
  const rows = await ctx.db
    .select({
      id: m.id,
      direction: m.direction,
      text: m.text,
      occurredAt: m.occurredAt,
      metadata: m.metadata,
      authorName: schema.users.name,
    })
    .from(m)
    .leftJoin(schema.users, eq(schema.users.id, m.authorUserId))
    .where(
      and(
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.conversationId, conversationId),
        eq(m.kind, 'message'),
        inArray(m.direction, ['inbound', 'outbound']),
        sql`${m.occurredAt} >= ${since}::timestamptz`,
      ),
    )
    .orderBy(asc(m.occurredAt), asc(m.seq));
  const files = await attachmentsOf(
    ctx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction === 'outbound' ? 'outbound' : 'inbound',
    text: row.text,
    createdAt: row.occurredAt.toISOString(),
    author: row.direction === 'outbound' && row.authorName ? { name: row.authorName } : null,
    automatic: row.metadata.automatic === true,
    attachments: files
      .filter((file) => file.messageId === row.id)
      .map(({ messageId: _, ...file }) => file),
  }));
}

/** Stored files of these messages, each with a time-limited link the browser can open. */
async function attachmentsOf(ctx: Ctx, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  const a = schema.attachments;
  const rows = await ctx.db
    .select({ id: a.id, messageId: a.messageId, fileName: a.fileName, contentType: a.contentType })
    .from(a)
    .where(
      and(
        eq(a.workspaceId, ctx.workspaceId),
        inArray(a.messageId, messageIds),
        sql`${a.storedAt} is not null`,
      ),
    );
  return rows.map((row) => ({
    ...row,
    url: publicAttachmentUrl(ctx.deps.publicUrl, ctx.deps.secretKey, row.id),
  }));
}
