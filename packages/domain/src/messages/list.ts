import { schema } from '@switchboard/db';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { getConversation } from '../conversations/load';
import { Invalid } from '../errors';
import { presentMessages, selectMessages } from './present';

const m = schema.messages;

const encode = (occurredAt: string, seq: number) =>
  Buffer.from(JSON.stringify([occurredAt, seq])).toString('base64url');

function decode(raw: string): { occurredAt: string; seq: number } {
  try {
    const [occurredAt, seq] = JSON.parse(
      Buffer.from(raw, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof occurredAt === 'string' && typeof seq === 'number') return { occurredAt, seq };
  } catch {
    // reported below
  }
  throw Invalid('invalid_cursor', 'The cursor is not valid; start again from the latest messages.');
}

/**
 * The latest messages of a conversation, oldest first on the page; the cursor walks back in
 * time. Order is provider time, ties by arrival (seq).
 */
export async function listMessages({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { conversationId: string; limit?: number; cursor?: string | undefined };
}) {
  await getConversation({ ctx, input: { id: input.conversationId } });
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const conditions: Array<SQL | undefined> = [
    eq(m.conversationId, input.conversationId),
    eq(m.workspaceId, ctx.workspaceId),
  ];
  if (input.cursor) {
    const cursor = decode(input.cursor);
    conditions.push(
      sql`(${m.occurredAt}, ${m.seq}) < (${cursor.occurredAt}::timestamptz, ${cursor.seq})`,
    );
  }
  const rows = await selectMessages(ctx.db)
    .where(and(...conditions))
    .orderBy(sql`${m.occurredAt} desc`, sql`${m.seq} desc`)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const oldest = page.at(-1);
  const nextCursor = rows.length > limit && oldest ? encode(oldest.occurredKey, oldest.seq) : null;
  return { items: await presentMessages(ctx.db, page.reverse()), nextCursor };
}
