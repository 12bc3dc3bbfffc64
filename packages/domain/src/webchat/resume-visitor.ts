import { schema } from '@switchboard/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { Unauthorized } from '../errors';
import type { WebchatSite } from './inbox';
import { ofVisitor } from './of-visitor';
import { verifyResumeToken } from './resume-token';
import { signVisitorToken } from './visitor-token';

const c = schema.conversations;

/**
 * The link in a follow-up was opened: its resume token becomes the visitor's token again, for
 * this inbox only and while the conversation it names is still that visitor's.
 */
export async function resumeWebchatVisitor({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { inbox: WebchatSite; resumeToken: string };
}): Promise<{ token: string; visitorId: string }> {
  const resume = verifyResumeToken(ctx.deps.secretKey, input.resumeToken);
  const refused = Unauthorized(
    'invalid_resume_token',
    'This chat link has expired or is not for this chat.',
  );
  if (!resume || resume.inboxId !== input.inbox.id) throw refused;
  const [conversation] = await ctx.db
    .select({ id: c.id })
    .from(c)
    .where(
      and(
        eq(c.id, resume.conversationId),
        eq(c.workspaceId, ctx.workspaceId),
        eq(c.inboxId, input.inbox.id),
        ofVisitor(resume.visitorId),
      ),
    );
  if (!conversation) throw refused;
  return {
    token: signVisitorToken(ctx.deps.secretKey, {
      inboxId: input.inbox.id,
      visitorId: resume.visitorId,
    }),
    visitorId: resume.visitorId,
  };
}
