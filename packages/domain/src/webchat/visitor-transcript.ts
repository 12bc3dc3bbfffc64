import type { Ctx } from '../context';
import { NotFound, Invalid } from '../errors';
import { sendTranscript } from '../transcripts/request';
import { visitorEmail } from './visitor-email';
import { latestVisitorConversation, type VisitorScope } from './visitor-latest';

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
  const found = await latestVisitorConversation(ctx, input);
  if (!found) throw NotFound('Conversation');
  const to =
    input.email?.trim().toLowerCase() ||
    (await visitorEmail(ctx, found.contactId, input.visitorId));
  if (!to) throw Invalid('no_email_address', 'Type the email address to send the transcript to.');
  return sendTranscript(ctx, found.conversation, { to, visitorId: input.visitorId });
}
