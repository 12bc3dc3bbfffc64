import { schema, type InboxKind } from '@switchboard/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { publicAttachmentUrl } from '../attachments/public-link';
import { shownToVisitor } from './visitor-visible';

const m = schema.messages;

export interface VisitorMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  text: string;
  createdAt: string;
  author: { name: string } | null;
  automatic: boolean;
  /** The browser's own id for a message this visitor sent from the widget, else null. */
  clientMessageId: string | null;
  /** How it travelled: a conversation may go on by email or SMS after the visitor left. */
  channel: InboxKind | null;
  attachments: Array<{ id: string; fileName: string; contentType: string; url: string }>;
}

/** What the visitor sees of a conversation from `since` on (see `shownToVisitor`). */
export async function visibleMessages(
  ctx: Ctx,
  conversationId: string,
  since: string,
  visitorId: string,
): Promise<VisitorMessage[]> {
  const rows = await ctx.db
    .select({
      id: m.id,
      direction: m.direction,
      channel: m.channel,
      text: m.text,
      occurredAt: m.occurredAt,
      metadata: m.metadata,
      providerMessageId: m.providerMessageId,
      authorName: schema.users.name,
    })
    .from(m)
    .leftJoin(schema.users, eq(schema.users.id, m.authorUserId))
    .where(
      and(
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.conversationId, conversationId),
        shownToVisitor(),
        sql`${m.occurredAt} >= ${since}::timestamptz`,
      ),
    )
    .orderBy(asc(m.occurredAt), asc(m.seq));
  const files = await attachmentsOf(
    ctx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const ownWebMessage =
      row.direction === 'inbound' &&
      row.channel === 'webchat' &&
      row.metadata.visitorId === visitorId;
    return {
      id: row.id,
      direction: row.direction === 'outbound' ? 'outbound' : 'inbound',
      text: row.text,
      createdAt: row.occurredAt.toISOString(),
      author: row.direction === 'outbound' && row.authorName ? { name: row.authorName } : null,
      automatic: row.metadata.automatic === true,
      clientMessageId: ownWebMessage ? row.providerMessageId : null,
      channel: row.channel,
      attachments: files
        .filter((file) => file.messageId === row.id)
        .map(({ messageId: _, ...file }) => file),
    };
  });
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
