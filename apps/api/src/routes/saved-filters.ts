import {
  createSavedFilter,
  deleteSavedFilter,
  listSavedFilters,
  savedFilterNameSchema,
  savedFilterQuerySchema,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { errorResponses, idParams } from './schemas';

const savedFilterSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: savedFilterQuerySchema,
    createdAt: z.string(),
  })
  .meta({ id: 'SavedFilter' });

export const savedFilterRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (
  app,
  { deps },
) => {
  const tags = ['saved-filters'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'My saved filters, by name',
        response: { 200: z.array(savedFilterSchema), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => listSavedFilters({ ctx })),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Save a named filter (409 `saved_filter_exists` for a name I already use)',
        body: z.object({ name: savedFilterNameSchema, query: savedFilterQuerySchema }),
        response: { 201: savedFilterSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const filter = await asUser(deps, request, (ctx) =>
        createSavedFilter({ ctx, input: request.body }),
      );
      return reply.status(201).send(filter);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of my saved filters',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asUser(deps, request, (ctx) => deleteSavedFilter({ ctx, input: request.params }));
      return reply.status(204).send(null);
    },
  );
};
