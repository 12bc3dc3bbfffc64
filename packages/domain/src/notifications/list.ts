import { schema } from '@switchboard/db';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { requireUser, type Ctx } from '../context';

const n = schema.notifications;

export interface NotificationView {
  id: string;
  kind: 'mention' | 'invite';
  conversationId: string | null;
  messageId: string | null;
  actorName: string | null;
  /** The note that mentioned me; empty for an invitation. */
  text: string;
  createdAt: string;
  readAt: string | null;
}

/** My latest 50 notifications and how many are unread. */
export async function listNotifications({ ctx }: { ctx: Ctx }) {
  const user = requireUser(ctx.actor);
  const mine = and(eq(n.workspaceId, ctx.workspaceId), eq(n.userId, user.id));
  const rows = await ctx.db
    .select({
      id: n.id,
      kind: n.kind,
      conversationId: n.conversationId,
      messageId: n.messageId,
      actorName: schema.users.name,
      text: schema.messages.text,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })
    .from(n)
    .leftJoin(schema.users, eq(schema.users.id, n.actorId))
    .leftJoin(schema.messages, eq(schema.messages.id, n.messageId))
    .where(mine)
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(50);
  const [unread] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(n)
    .where(and(mine, isNull(n.readAt)));
  const items: NotificationView[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind === 'invite' ? 'invite' : 'mention',
    conversationId: row.conversationId,
    messageId: row.messageId,
    actorName: row.actorName,
    text: (row.text ?? '').slice(0, 280),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  }));
  return { items, unread: unread?.count ?? 0 };
}
