import {
  createRoutingRule,
  deleteRoutingRule,
  DomainError,
  listRoutingRules,
  routingActionsSchema,
  routingConditionsSchema,
  updateRoutingRule,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { sendError } from '../plugins/errors';
import { asUser } from '../plugins/operation';
import { errorResponses, idParams } from './schemas';

const ruleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    enabled: z.boolean(),
    conditions: routingConditionsSchema,
    actions: routingActionsSchema,
  })
  .meta({ id: 'RoutingRule' });

const fields = {
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().optional(),
  conditions: routingConditionsSchema,
  actions: routingActionsSchema,
};

/** A team or tag of another workspace (or none) in the actions is a bad request. */
async function badTargetsAs400<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<T>,
) {
  try {
    return await run();
  } catch (error) {
    if (
      error instanceof DomainError &&
      (error.code === 'unknown_team' || error.code === 'unknown_tag')
    )
      return sendError(reply, request, 400, error.code, error.message);
    throw error;
  }
}

export const routingRuleRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (
  app,
  { deps },
) => {
  const tags = ['routing'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Routing rules in evaluation order (supervisors and admins)',
        response: { 200: z.array(ruleSchema), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => listRoutingRules({ ctx })),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Add a routing rule, evaluated after the existing ones (admins)',
        description:
          'Rules run when a conversation is created or reopened by the customer; the first enabled rule whose conditions all hold sets team, tags and priority.',
        body: z.object(fields),
        response: { 201: ruleSchema, ...errorResponses },
      },
    },
    (request, reply) =>
      badTargetsAs400(request, reply, async () => {
        const rule = await asUser(deps, request, (ctx) =>
          createRoutingRule({ ctx, input: request.body }),
        );
        return reply.status(201).send(rule);
      }),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a routing rule or move it to another position (admins)',
        params: idParams,
        body: z.object({ ...fields, position: z.number().int().min(0) }).partial(),
        response: { 200: ruleSchema, ...errorResponses },
      },
    },
    (request, reply) =>
      badTargetsAs400(request, reply, () =>
        asUser(deps, request, (ctx) =>
          updateRoutingRule({ ctx, input: { ...request.body, id: request.params.id } }),
        ),
      ),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a routing rule (admins)',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asUser(deps, request, (ctx) => deleteRoutingRule({ ctx, input: request.params }));
      return reply.status(204).send(null);
    },
  );
};
