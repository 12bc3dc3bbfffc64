import { readAttachment } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { errorResponses, idParams } from './schemas';

export const attachmentRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get(
    '/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: "A file from a conversation's thread",
        params: idParams,
        response: { 200: z.any().describe('The file, with its content type'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await asUser(deps, request, (ctx) =>
        readAttachment({ ctx, input: request.params }),
      );
      // Files come from customers: never let the browser sniff them into something executable.
      const inline =
        /^(image|audio|video)\//.test(file.contentType) || file.contentType === 'application/pdf';
      return reply
        .type(file.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .header(
          'content-disposition',
          `${inline ? 'inline' : 'attachment'}; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
        )
        .send(file.data);
    },
  );
};
