import { listAgents, setPresence } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { errorResponses } from './schemas';

const presence = z.enum(['online', 'away', 'offline']);

const agentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['agent', 'supervisor', 'admin']),
    presence,
    presenceAuto: z.boolean().describe('Away was set automatically (no live connection)'),
    capacity: z.number().int(),
    openCount: z.number().int().describe('Open conversations the user holds now'),
    teamIds: z.array(z.uuid()),
  })
  .meta({ id: 'Agent' });

/** People and presence: who is in the workspace, who is online, how loaded they are. */
export const agentRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['agents'];

  app.get(
    '/agents',
    {
      schema: {
        tags,
        summary: "The workspace's active users with presence and open conversations",
        response: { 200: z.array(agentSchema), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => listAgents({ ctx })),
  );

  app.put(
    '/me/presence',
    {
      schema: {
        tags,
        summary: 'Set my presence; going online starts automatic assignment for my teams',
        body: z.object({ presence }),
        response: { 200: z.object({ presence }), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => setPresence({ ctx, input: request.body })),
  );
};
