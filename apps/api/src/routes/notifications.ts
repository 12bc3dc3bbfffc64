import { listNotifications, markNotificationsRead } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { errorResponses } from './schemas';

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['mention', 'invite']),
    conversationId: z.uuid().nullable(),
    messageId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    text: z.string().describe('The note that mentioned me (empty for an invitation)'),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (
  app,
  { deps },
) => {
  const tags = ['notifications'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'My latest 50 notifications (mentions, invitations) and the unread count',
        response: {
          200: z.object({ items: z.array(notificationSchema), unread: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    (request) => asUser(deps, request, (ctx) => listNotifications({ ctx })),
  );

  app.post(
    '/read',
    {
      schema: {
        tags,
        summary: 'Mark my notifications read: those in `ids`, or all',
        body: z.object({ ids: z.array(z.uuid()).max(200).optional() }).nullish(),
        response: { 204: z.null().describe('Marked read'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asUser(deps, request, (ctx) =>
        markNotificationsRead({ ctx, input: { ids: request.body?.ids } }),
      );
      return reply.status(204).send(null);
    },
  );
};
