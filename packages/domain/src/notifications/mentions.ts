import { schema, type UserRole } from '@switchboard/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import { addParticipant, recordActivity } from '../conversations/activity';
import { inviteParticipant, person } from '../conversations/guards';
import { visibleTo } from '../conversations/visibility';

interface Mentionable {
  id: string;
  name: string;
  email: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * The users a note mentions: `@email` or `@Name` (a workspace user's name, case-insensitive,
 * the longest name that fits, so "@Ana María" beats "@Ana"). A name must end at a word
 * boundary: "@Anabel" does not mention Ana.
 */
export function findMentions<T extends Mentionable>(text: string, users: T[]): T[] {
  const found = new Map<string, T>();
  const lower = text.toLowerCase();
  const byLength = [...users]
    .filter((user) => user.name.trim())
    .sort((a, b) => b.name.length - a.name.length);
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    // "ana@example.test" inside a word is an address, not a mention.
    if (at > 0 && WORD.test(text[at - 1] ?? '')) continue;
    const rest = lower.slice(at + 1);
    const email = users.find((user) => {
      const address = user.email.toLowerCase();
      return rest.startsWith(address) && !WORD.test(rest[address.length] ?? '');
    });
    const match =
      email ??
      byLength.find((user) => {
        const name = user.name.trim().toLowerCase();
        return rest.startsWith(name) && !WORD.test(rest[name.length] ?? '');
      });
    if (match) found.set(match.id, match);
  }
  return [...found.values()];
}

/**
 * Notifies everyone a note mentions (not its author), each with a hint only they hear. A
 * deliberate mention is a request for help: a colleague who cannot see the conversation is
 * invited to it first (an open one; they become a participant of a closed one). Whoever still
 * cannot see it (a waiting conversation of another team) is not notified: the notification
 * would show them a note of a conversation they may not open.
 */
export async function notifyMentions(
  ctx: Ctx,
  note: { conversationId: string; messageId: string; text: string },
): Promise<string[]> {
  if (!note.text.includes('@')) return [];
  const u = schema.users;
  const users = await ctx.db
    .select({ id: u.id, name: u.name, email: u.email, role: u.role })
    .from(u)
    .where(and(eq(u.workspaceId, ctx.workspaceId), isNull(u.deactivatedAt)));
  const authorId = ctx.actor.type === 'user' ? ctx.actor.id : null;
  const mentioned = findMentions(note.text, users).filter((user) => user.id !== authorId);
  for (const user of mentioned) {
    if (!(await letSee(ctx, note.conversationId, user))) continue;
    await notify(ctx, {
      userId: user.id,
      kind: 'mention',
      conversationId: note.conversationId,
      messageId: note.messageId,
    });
  }
  return mentioned.map((user) => user.id);
}

/** Whether the user sees the conversation, after inviting them if they did not. */
async function letSee(
  ctx: Ctx,
  conversationId: string,
  user: { id: string; name: string; role: UserRole },
): Promise<boolean> {
  const c = schema.conversations;
  const actor = { type: 'user' as const, ...user };
  const sees = async () => {
    const [row] = await ctx.db
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.id, conversationId), eq(c.workspaceId, ctx.workspaceId), visibleTo(actor)));
    return Boolean(row);
  };
  if (await sees()) return true;
  const [conversation] = await ctx.db
    .select()
    .from(c)
    .where(and(eq(c.id, conversationId), eq(c.workspaceId, ctx.workspaceId)));
  if (!conversation || conversation.status === 'waiting') return false;
  if (conversation.status === 'closed') {
    await addParticipant(ctx, conversation.id, user.id);
  } else {
    await inviteParticipant(ctx, conversation.id, user.id);
    await recordActivity(ctx, conversation, 'invited', { user: person(user), by: 'mention' });
  }
  return sees();
}

/** Stores a notification and schedules the realtime hint for its user alone. */
export async function notify(
  ctx: Ctx,
  input: { userId: string; kind: 'mention' | 'invite'; conversationId: string; messageId?: string },
): Promise<void> {
  await ctx.db.insert(schema.notifications).values({
    workspaceId: ctx.workspaceId,
    userId: input.userId,
    kind: input.kind,
    conversationId: input.conversationId,
    messageId: input.messageId ?? null,
    actorId: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  ctx.afterCommit.events.push({
    type: 'notification.created',
    workspaceId: ctx.workspaceId,
    conversationId: input.conversationId,
    userId: input.userId,
  });
}
