import { getIndicators, indicatorsCsv } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { errorResponses } from './schemas';

const channel = z.enum(['sms_twilio', 'whatsapp_twilio', 'whatsapp_cloud', 'email', 'webchat']);
const seconds = z.number().nullable();
const timing = z
  .object({
    count: z.number().int(),
    averageSeconds: seconds,
    medianSeconds: seconds.describe('Times rounded down to the scale step, then interpolated'),
    p90Seconds: seconds,
  })
  .meta({ id: 'IndicatorTiming' });
const span = z.object({
  count: z.number().int(),
  averageSeconds: seconds,
  longestSeconds: seconds,
});
const timings = { firstResponse: timing, nextReply: timing, resolution: timing };

const reportSchema = z
  .object({
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    summary: z.object({
      started: z.number().int().describe('Conversations that started in the period'),
      attended: z.number().int().describe('Of those, taken by an agent'),
      resolvedFirstContact: z
        .number()
        .int()
        .describe('Attended, closed as resolved, never reopened or transferred'),
      notResolvedFirstContact: z.number().int().describe('Attended and closed any other way'),
      offlineReceived: z
        .number()
        .int()
        .describe("Started outside the team's hours or with none of its agents online"),
      duration: span.describe('Start → close, attended conversations that are closed'),
      queueWait: span.describe('Start → first taken by an agent'),
      abandoned: z.object({
        count: z.number().int(),
        withMessage: z.number().int(),
        averageWaitSeconds: seconds,
        longestWaitSeconds: seconds,
      }),
      ...timings,
    }),
    byHour: z.array(z.object({ hour: z.number().int(), started: z.number().int(), ...timings })),
    byChannel: z.array(z.object({ channel, started: z.number().int(), ...timings })),
    heatmap: z.array(z.object({ channel, hour: z.number().int(), count: z.number().int() })),
    outcomes: z.array(
      z.object({
        outcome: z.enum(['resolved', 'no_reply', 'no_agent', 'abandoned', 'cancelled']),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Indicators' });

const query = z.object({
  from: z.string().describe('First day, YYYY-MM-DD in the workspace time zone'),
  to: z.string().describe('Last day, included'),
  agentId: z.uuid().optional().describe('The agent who held the conversation last'),
  inboxId: z.uuid().optional(),
  channel: channel.optional(),
  teamId: z.uuid().optional(),
});

/** The indicators dashboard and its CSV export (supervisors and admins). */
export const indicatorRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['indicators'];
  const description =
    'Conversations belong to the day they started; next replies to the day they were sent. Days are in the workspace time zone. 400 `invalid_period`, 403 for agents.';

  app.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Indicators for a period, with breakdowns by hour of day and channel',
        description,
        querystring: query,
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => getIndicators({ ctx, input: request.query })),
  );

  app.get(
    '/indicators.csv',
    {
      schema: {
        tags,
        summary: 'The same indicators as CSV: section, group, figure, value (times in seconds)',
        description,
        querystring: query,
        produces: ['text/csv'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await asUser(deps, request, (ctx) =>
        getIndicators({ ctx, input: request.query }),
      );
      const name = `switchboard-indicators-${report.from}-${report.to}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(indicatorsCsv(report));
    },
  );
};
