import { assignConversation } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { conversationSchema, errorResponses, idParams } from './schemas';

/** Staff hand conversations to agents; the worker does the same for automatic teams. */
export const assignmentRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.post(
    '/:id/assign',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Give a waiting or open conversation to an agent (staff; capacity checked)',
        description:
          '409 `at_capacity` when the agent already holds `capacity` open conversations; 404 when the user is not an active member of this workspace.',
        params: idParams,
        body: z.object({ userId: z.uuid() }),
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        assignConversation({ ctx, input: { id: request.params.id, userId: request.body.userId } }),
      ),
  );
};
