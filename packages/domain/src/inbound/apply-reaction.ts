import type { InboundReactionEvent } from '@switchboard/channels';
import { schema, type MessageReaction } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { messageUpdated } from '../conversations/activity';
import { RetryLater } from '../errors';
import { contactIdByIdentity } from '../contacts/find-by-identity';

const m = schema.messages;
/** How long a reaction may wait for the message it reacts to (still being processed). */
const ORPHAN_PATIENCE_MS = 10 * 60 * 1000;

/**
 * Shows a customer's emoji on the message it reacts to. WhatsApp allows one reaction per
 * person per message: a new one replaces theirs, an empty one removes it, an older one that
 * arrives late changes nothing.
 */
export async function applyReaction(
  ctx: Ctx,
  inboxId: string,
  event: InboundReactionEvent,
  receivedAt: Date,
) {
  const [target] = await ctx.db
    .select({ id: m.id, conversationId: m.conversationId, reactions: m.reactions })
    .from(m)
    .where(
      and(
        eq(m.inboxId, inboxId),
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.providerMessageId, event.targetProviderMessageId),
      ),
    )
    .for('update');
  if (!target) {
    if (Date.now() - receivedAt.getTime() < ORPHAN_PATIENCE_MS)
      throw new RetryLater(`no message ${event.targetProviderMessageId} to react to yet`);
    return;
  }
  const contactId = await contactIdByIdentity(ctx, event.from.kind, event.from.address);
  if (!contactId) return;

  const at = (event.occurredAt ?? receivedAt).toISOString();
  const mine = (reaction: MessageReaction) =>
    reaction.by.type === 'contact' && reaction.by.id === contactId;
  const previous = target.reactions.find(mine);
  if (previous && previous.at > at) return;
  const reactions = target.reactions.filter((reaction) => !mine(reaction));
  if (event.emoji)
    reactions.push({ emoji: event.emoji, by: { type: 'contact', id: contactId }, at });
  // A removal is kept as an empty emoji so an older reaction arriving late stays removed.
  else reactions.push({ emoji: '', by: { type: 'contact', id: contactId }, at });

  await ctx.db.update(m).set({ reactions }).where(eq(m.id, target.id));
  ctx.afterCommit.events.push(messageUpdated(ctx, target));
}
