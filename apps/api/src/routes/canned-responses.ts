import {
  createCannedResponse,
  deleteCannedResponse,
  listCannedResponses,
  updateCannedResponse,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { errorResponses, idParams } from './schemas';

const cannedSchema = z
  .object({ id: z.uuid(), shortcut: z.string(), title: z.string(), body: z.string() })
  .meta({ id: 'CannedResponse' });

const fields = {
  shortcut: z.string().max(64).describe('`[a-z0-9_-]{1,32}`, unique per workspace'),
  title: z.string().max(200),
  body: z
    .string()
    .max(8000)
    .describe('May use `{{contact.name}}`, `{{agent.name}}` and `{{reference}}`'),
};

export const cannedResponseRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (
  app,
  { deps },
) => {
  const tags = ['canned responses'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The workspace’s canned responses, by shortcut',
        response: { 200: z.array(cannedSchema), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => listCannedResponses({ ctx })),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a canned response (staff); 409 `shortcut_exists`',
        body: z.object(fields),
        response: { 201: cannedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await asUser(deps, request, (ctx) =>
        createCannedResponse({ ctx, input: request.body }),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a canned response (staff)',
        params: idParams,
        body: z.object(fields).partial(),
        response: { 200: cannedSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        updateCannedResponse({ ctx, input: { id: request.params.id, ...request.body } }),
      ),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a canned response (staff)',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asUser(deps, request, (ctx) => deleteCannedResponse({ ctx, input: request.params }));
      return reply.status(204).send(null);
    },
  );
};
