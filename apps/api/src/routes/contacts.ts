import { listContactConversations } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { conversationSchema, errorResponses, idParams } from './schemas';

export const contactRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get(
    '/:id/conversations',
    {
      schema: {
        tags: ['contacts'],
        summary: "The customer's conversations on every channel, newest first",
        params: idParams,
        response: { 200: z.object({ items: z.array(conversationSchema) }), ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        listContactConversations({ ctx, input: { contactId: request.params.id } }),
      ),
  );
};
