import { schema } from '@switchboard/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { Invalid, NotFound, TooMany } from '../errors';
import { sendTranscript } from '../transcripts/request';
import { visitorEmail } from './visitor-email';
import { latestVisitorConversationForUpdate, type VisitorScope } from './visitor-latest';

const m = schema.messages;

/**
 * Each transcript is a mail from the business's address to an address the visitor types: a few
 * a day per conversation serve any visitor, and keep the form from mailing strangers at will.
 */
export const VISITOR_TRANSCRIPTS_PER_DAY = 3;

/**
 * "Email me the transcript" in the widget: the visitor's latest conversation, as they saw it, to
 * the address they type or the one they gave before.
 */
export async function requestVisitorTranscript({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: VisitorScope & { email?: string | undefined };
}): Promise<{ to: string }> {
  // Locked: two requests at once must not both pass the count.
  const found = await latestVisitorConversationForUpdate(ctx, input);
  if (!found) throw NotFound('Conversation');
  if ((await visitorTranscriptsToday(ctx, found.conversation.id)) >= VISITOR_TRANSCRIPTS_PER_DAY)
    throw TooMany(
      'too_many_transcripts',
      `This conversation's transcript can be emailed ${VISITOR_TRANSCRIPTS_PER_DAY} times a day at most. Try again later.`,
    );
  const to =
    input.email?.trim().toLowerCase() ||
    (await visitorEmail(ctx, found.contactId, input.visitorId));
  if (!to) throw Invalid('no_email_address', 'Type the email address to send the transcript to.');
  return sendTranscript(ctx, found.conversation, { to, visitorId: input.visitorId });
}

/** Transcripts the customer asked for in the last 24 hours (an agent's do not count). */
async function visitorTranscriptsToday(ctx: Ctx, conversationId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(m)
    .where(
      and(
        eq(m.workspaceId, ctx.workspaceId),
        eq(m.conversationId, conversationId),
        eq(m.kind, 'activity'),
        sql`${m.activity}->>'type' = 'transcript_sent'`,
        sql`${m.activity}->>'by' = 'customer'`,
        sql`${m.occurredAt} > now() - interval '24 hours'`,
      ),
    );
  return row?.count ?? 0;
}
