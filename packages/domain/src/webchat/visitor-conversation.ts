import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import type { ConversationRecord } from '../conversations/load';
import { estimatedWaitSeconds } from './estimated-wait';
import { queuePosition } from './queue-position';
import { visitorEmail } from './visitor-email';
import { visitorJoins, type VisitorJoin } from './visitor-joins';
import { latestVisitorConversation, type VisitorScope } from './visitor-latest';
import { visibleMessages, type VisitorMessage } from './visitor-messages';

export type { VisitorMessage } from './visitor-messages';
export type { VisitorJoin } from './visitor-joins';

/** Why a closed conversation ended, in the words the widget uses. */
export type VisitorEnding = 'agent' | 'customer' | 'connection_lost' | 'abandoned' | 'inactive';

export interface VisitorConversationView {
  conversation: {
    id: string;
    reference: string;
    status: 'waiting' | 'open' | 'closed';
    outcome: string | null;
    queuePosition: number | null;
    estimatedWaitSeconds: number | null;
    agent: { name: string; avatarUrl: string | null } | null;
    ending: VisitorEnding | null;
    rating: { score: number; comment: string | null } | null;
    /** Left through the offline-message form, or while nobody was there to answer. */
    offline: boolean;
    /** To prefill the transcript form. */
    contactEmail: string | null;
  } | null;
  joins: VisitorJoin[];
  messages: VisitorMessage[];
}

/**
 * The visitor's latest conversation in this inbox (the live one, else the last closed) with
 * what the customer may see: messages and who took it, never notes or other activity lines,
 * and only from their first message on.
 */
export async function visitorConversation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: VisitorScope;
}): Promise<VisitorConversationView> {
  const found = await latestVisitorConversation(ctx, input);
  if (!found) return { conversation: null, joins: [], messages: [] };
  const { conversation, visitorSince } = found;
  const position =
    conversation.status === 'waiting' ? await queuePosition(ctx, conversation) : null;
  return {
    conversation: {
      id: conversation.id,
      reference: conversation.reference,
      status: conversation.status,
      outcome: conversation.outcome,
      queuePosition: position,
      estimatedWaitSeconds:
        position === null ? null : await estimatedWaitSeconds(ctx, conversation.teamId, position),
      agent: await agentOf(ctx, conversation.assigneeId),
      ending: endingOf(conversation),
      rating:
        conversation.rating === null
          ? null
          : { score: conversation.rating, comment: conversation.ratingComment },
      offline: conversation.receivedOffline,
      contactEmail: await visitorEmail(ctx, found.contactId, input.visitorId),
    },
    joins: await visitorJoins(ctx, conversation.id, visitorSince),
    messages: await visibleMessages(ctx, conversation.id, visitorSince, input.visitorId),
  };
}

async function agentOf(ctx: Ctx, userId: string | null) {
  if (!userId) return null;
  const [user] = await ctx.db
    .select({ name: schema.users.name, avatarUrl: schema.users.avatarUrl })
    .from(schema.users)
    .where(and(eq(schema.users.id, userId), eq(schema.users.workspaceId, ctx.workspaceId)));
  return user ?? null;
}

export function endingOf(conversation: ConversationRecord): VisitorEnding | null {
  if (conversation.status !== 'closed') return null;
  if (conversation.outcome === 'abandoned') return 'abandoned';
  if (conversation.closedBy === 'customer') return 'customer';
  if (conversation.closedBy !== 'system') return 'agent';
  // Nobody ended it: a timer did, after a while without messages. With the visitor gone from
  // the chat by then, to them the connection was lost.
  return conversation.visitorAwaySince ? 'connection_lost' : 'inactive';
}
