import { getAgentMonitor } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { errorResponses } from './schemas';

const instant = z.iso.datetime({ offset: true });

const monitorAgentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['agent', 'supervisor', 'admin']),
    presence: z.enum(['online', 'away', 'offline']),
    onlineSince: instant.nullable().describe('When they went online; null unless online now'),
    presenceChangedAt: instant,
    openCount: z.number().int().describe('Open conversations assigned to them now'),
    capacity: z.number().int(),
    oldestUnansweredAt: instant
      .nullable()
      .describe('Oldest customer message nobody answered yet in their open conversations'),
    closedToday: z
      .number()
      .int()
      .describe('Closed since local midnight (workspace time zone) with them as the last agent'),
    teamIds: z.array(z.uuid()),
  })
  .meta({ id: 'MonitorAgent' });

const queueFields = {
  waitingCount: z.number().int(),
  longestWaitSince: instant.nullable().describe('Since when the longest-waiting one has waited'),
};

const monitorSchema = z
  .object({
    generatedAt: instant,
    timeZone: z.string().describe("The workspace's IANA time zone; 'today' starts at its midnight"),
    agents: z.array(monitorAgentSchema).describe('Active users of every role, by name'),
    teams: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        ...queueFields,
        agentsOnline: z.number().int(),
        agentsTotal: z.number().int(),
      }),
    ),
    unrouted: z
      .object(queueFields)
      .describe('Waiting conversations without a team (no inbox default, no rule matched)'),
  })
  .meta({ id: 'AgentMonitor' });

/** Supervision: live views of the workspace for supervisors and admins. */
export const supervisorRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get(
    '/monitor',
    {
      schema: {
        tags: ['supervision'],
        summary: "Every agent's presence and load and every team's queue, now (staff only)",
        response: { 200: monitorSchema, ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => getAgentMonitor({ ctx })),
  );
};
