import { readPublicAttachment } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { sendError } from '../plugins/errors';

/**
 * Agents' outbound files for providers that fetch media by link (Twilio MediaUrl). No session:
 * the signed, expiring link is the permission, and it names one file only.
 */
export const publicMediaRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/:id',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({
          expires: z.coerce.number().int(),
          signature: z.string().regex(/^[0-9a-f]{64}$/),
        }),
      },
    },
    async (request, reply) => {
      const file = await readPublicAttachment(deps.domain.db, deps.config.SECRET_KEY, {
        attachmentId: request.params.id,
        expires: request.query.expires,
        signature: request.query.signature,
      });
      if (!file) return sendError(reply, request, 404, 'not_found', 'This link is not valid.');
      return reply
        .type(file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .send(file.data);
    },
  );
};
