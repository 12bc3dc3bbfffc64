import { createTag, deleteTag, listTags, updateTag } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { errorResponses, idParams } from './schemas';

export const tagSchema = z
  .object({ id: z.uuid(), name: z.string(), color: z.string() })
  .meta({ id: 'Tag' });

const color = z
  .string()
  .regex(/^([a-z]+|#[0-9a-fA-F]{6})$/, 'a color name (e.g. blue) or #rrggbb')
  .max(20);

export const tagRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['tags'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The workspace’s tags, alphabetically',
        response: { 200: z.array(tagSchema), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => listTags({ ctx })),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a tag (any user); 409 `tag_exists` for a name already used',
        body: z.object({ name: z.string().max(100), color: color.optional() }),
        response: { 201: tagSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const tag = await asUser(deps, request, (ctx) => createTag({ ctx, input: request.body }));
      return reply.status(201).send(tag);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Rename or recolor a tag (staff)',
        params: idParams,
        body: z.object({ name: z.string().max(100).optional(), color: color.optional() }),
        response: { 200: tagSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        updateTag({ ctx, input: { id: request.params.id, ...request.body } }),
      ),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a tag (staff); it leaves every conversation',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asUser(deps, request, (ctx) => deleteTag({ ctx, input: request.params }));
      return reply.status(204).send(null);
    },
  );
};
