import {
  closeVisitorConversation,
  DomainError,
  rateVisitorConversation,
  RATING_COMMENT_MAX,
  requestVisitorTranscript,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendError } from '../../plugins/errors';
import { errorBody, errorResponses } from '../schemas';
import { visitorConversationSchema } from './schemas';
import { perMinute, visitorDocs, type VisitorAccess } from './visitor-access';

/** How a chat ends for the visitor: ending it, rating it, getting the transcript by email. */
export const webchatEndingRoutes: FastifyPluginAsyncZod<{ access: VisitorAccess }> = async (
  app,
  { access },
) => {
  app.post(
    '/conversation/close',
    {
      config: perMinute(20),
      schema: {
        ...visitorDocs,
        summary: 'The visitor ends their live chat',
        description:
          'Resolved when an agent had it, cancelled while still waiting; 409 `already_closed` when nothing is live.',
        response: { 200: visitorConversationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { inbox, visitorId } = await access.visitorOf(request);
      return access.asInbox(inbox, (ctx) =>
        closeVisitorConversation({ ctx, input: { inboxId: inbox.id, visitorId } }),
      );
    },
  );

  app.post(
    '/conversation/rating',
    {
      config: perMinute(20),
      schema: {
        ...visitorDocs,
        summary: 'The visitor rates their ended chat, 1 to 5 with an optional comment',
        description: 'May be changed later; 409 `not_closed` while the chat is live.',
        body: z.object({
          score: z.number().int().min(1).max(5),
          comment: z.string().max(RATING_COMMENT_MAX).optional(),
        }),
        response: { 200: visitorConversationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { inbox, visitorId } = await access.visitorOf(request);
      return access.asInbox(inbox, (ctx) =>
        rateVisitorConversation({ ctx, input: { inboxId: inbox.id, visitorId, ...request.body } }),
      );
    },
  );

  app.post(
    '/conversation/transcript',
    {
      // Each one sends a mail from the business's address: few, so the form is no mail cannon.
      config: perMinute(5),
      schema: {
        ...visitorDocs,
        summary:
          "Email the transcript of the visitor's latest chat, to `email` or the one they gave",
        body: z.object({ email: z.email().max(320).optional() }),
        response: { 202: z.object({ to: z.string() }), 429: errorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { inbox, visitorId } = await access.visitorOf(request);
      try {
        const sent = await access.asInbox(inbox, (ctx) =>
          requestVisitorTranscript({
            ctx,
            input: { inboxId: inbox.id, visitorId, ...request.body },
          }),
        );
        return reply.status(202).send(sent);
      } catch (error) {
        // A missing address is a gap in the form, like any other missing field.
        if (error instanceof DomainError && error.code === 'no_email_address')
          return sendError(reply, request, 400, error.code, error.message);
        throw error;
      }
    },
  );
};
