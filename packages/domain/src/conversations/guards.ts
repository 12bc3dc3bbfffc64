import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { isStaff, requireUser, type Ctx, type UserActor } from '../context';
import { Conflict, Forbidden, NotFound } from '../errors';
import type { ConversationRecord } from './load';

const c = schema.conversations;

/** Actions that steer a conversation belong to whoever holds it, or to staff. */
export function requireHolder(ctx: Ctx, conversation: ConversationRecord, what: string): UserActor {
  const user = requireUser(ctx.actor);
  if (conversation.assigneeId !== user.id && !isStaff(user)) {
    throw Forbidden(`Only the assigned agent or a supervisor can ${what}.`);
  }
  return user;
}

export function requireOpen(conversation: ConversationRecord, message: string): void {
  if (conversation.status !== 'open') throw Conflict('not_open', message);
}

/** Applies a change to the conversation and bumps its version, returning the new row. */
export async function updateConversation(
  ctx: Ctx,
  id: string,
  values: PgUpdateSetSource<typeof c>,
): Promise<ConversationRecord> {
  const [updated] = await ctx.db
    .update(c)
    .set({ ...values, version: sql`${c.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(c.id, id), eq(c.workspaceId, ctx.workspaceId)))
    .returning();
  if (!updated) throw NotFound('Conversation');
  return updated;
}

/** An active user of this workspace, or 404 (a user of another workspace does not exist here). */
export async function loadWorkspaceUser(
  ctx: Ctx,
  userId: string,
  options: { lock?: boolean } = {},
) {
  const u = schema.users;
  const query = ctx.db
    .select({ id: u.id, name: u.name, role: u.role, capacity: u.capacity })
    .from(u)
    .where(
      and(eq(u.id, userId), eq(u.workspaceId, ctx.workspaceId), sql`${u.deactivatedAt} is null`),
    );
  const [user] = options.lock ? await query.for('update') : await query;
  if (!user) throw NotFound('User');
  return user;
}

/** Marks the user as invited to the conversation: it shows in their Open tab too. */
export async function inviteParticipant(ctx: Ctx, conversationId: string, userId: string) {
  await ctx.db
    .insert(schema.conversationParticipants)
    .values({ workspaceId: ctx.workspaceId, conversationId, userId, invitedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [
        schema.conversationParticipants.conversationId,
        schema.conversationParticipants.userId,
      ],
      set: { invitedAt: sql`coalesce(${schema.conversationParticipants.invitedAt}, now())` },
    });
}

export const person = (user: { id: string; name: string }) => ({ id: user.id, name: user.name });

export async function isInvitedUser(ctx: Ctx, conversationId: string, userId: string) {
  const p = schema.conversationParticipants;
  const [row] = await ctx.db
    .select({ invitedAt: p.invitedAt })
    .from(p)
    .where(
      and(
        eq(p.workspaceId, ctx.workspaceId),
        eq(p.conversationId, conversationId),
        eq(p.userId, userId),
      ),
    );
  return Boolean(row?.invitedAt);
}
