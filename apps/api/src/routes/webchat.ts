import rateLimit from '@fastify/rate-limit';
import {
  resumeWebchatVisitor,
  startWebchatVisitor,
  visitorConversation,
  visitorMessageEvent,
  webchatConfig,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { acceptInboundEvent } from '../inbound/accept-event';
import { errorResponses } from './schemas';
import { webchatEndingRoutes } from './webchat/ending';
import { webchatFileRoutes } from './webchat/file-upload';
import { pageUrlSchema, visitorConversationSchema, webchatConfigSchema } from './webchat/schemas';
import { perMinute, visitorAccess, visitorDocs } from './webchat/visitor-access';

/** A visitor's credential for every later call, and their id. */
const visitorTokenSchema = z.object({ token: z.string(), visitorId: z.string() });
const inboxParams = z.object({ inboxId: z.string().max(64) });

/**
 * The public web chat API the widget on a customer's website calls. No session: a visitor holds
 * a signed token for one inbox, and every query is scoped to that inbox's workspace. Any origin
 * may call it (the token, not a cookie, is the credential), so CORS is open here and only here.
 */
export const webchatRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  await app.register(rateLimit, { global: false });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  app.options('/*', { schema: { hide: true }, config: perMinute(600) }, async (_request, reply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600')
      .send(),
  );

  const access = visitorAccess(deps);
  const { asInbox, visitorOf, inboxOr404 } = access;

  app.get(
    '/:inboxId/config',
    {
      config: perMinute(120),
      schema: {
        ...visitorDocs,
        summary: 'How the chat widget looks and which teams can answer now',
        params: inboxParams,
        response: { 200: webchatConfigSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const inbox = await inboxOr404(request.params.inboxId, request, reply);
      if (!inbox) return reply;
      return asInbox(inbox, (ctx) => webchatConfig({ ctx, input: { inbox } }));
    },
  );

  app.post(
    '/:inboxId/visitors',
    {
      config: perMinute(30),
      schema: {
        ...visitorDocs,
        summary: 'Start a visitor (or resume the one in `token`); returns their token',
        params: inboxParams,
        body: z.object({
          name: z.string().trim().min(1).max(100).optional(),
          email: z.email().max(320).optional(),
          phone: z
            .string()
            .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +14155550100')
            .optional(),
          token: z.string().max(200).optional(),
        }),
        response: {
          200: visitorTokenSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const inbox = await inboxOr404(request.params.inboxId, request, reply);
      if (!inbox) return reply;
      const { email, ...rest } = request.body;
      return asInbox(inbox, (ctx) =>
        startWebchatVisitor({
          ctx,
          input: {
            inbox,
            ...rest,
            ...(email ? { email: email.trim().toLowerCase() } : {}),
            language: browserLanguage(request.headers['accept-language']),
          },
        }),
      );
    },
  );

  app.post(
    '/:inboxId/resume',
    {
      config: perMinute(30),
      schema: {
        ...visitorDocs,
        summary: 'Exchange the link of an email or SMS follow-up for the visitor token',
        params: inboxParams,
        body: z.object({ resumeToken: z.string().max(300) }),
        response: {
          200: visitorTokenSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const inbox = await inboxOr404(request.params.inboxId, request, reply);
      if (!inbox) return reply;
      return asInbox(inbox, (ctx) =>
        resumeWebchatVisitor({ ctx, input: { inbox, resumeToken: request.body.resumeToken } }),
      );
    },
  );

  app.get(
    '/conversation',
    {
      config: perMinute(240),
      schema: {
        ...visitorDocs,
        summary: "The visitor's latest conversation and the messages they may see",
        response: { 200: visitorConversationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { inbox, visitorId } = await visitorOf(request);
      return asInbox(inbox, (ctx) =>
        visitorConversation({ ctx, input: { inboxId: inbox.id, visitorId } }),
      );
    },
  );

  app.post(
    '/messages',
    {
      config: perMinute(60),
      schema: {
        ...visitorDocs,
        summary: 'The visitor writes; stored at once, filed by the worker',
        body: z.object({
          clientMessageId: z.uuid().describe('Chosen by the browser; a resend is one message'),
          text: z.string().min(1).max(4000),
          teamId: z.uuid().optional().describe('A team from the config, for a new conversation'),
          pageUrl: pageUrlSchema.optional(),
          offline: z
            .boolean()
            .optional()
            .describe('Sent through the offline-message form: nobody was online to answer'),
        }),
        response: { 202: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { inbox, visitorId } = await visitorOf(request);
      const event = await asInbox(inbox, (ctx) =>
        visitorMessageEvent({ ctx, input: { inbox, visitorId, ...request.body } }),
      );
      await acceptInboundEvent(deps, event, (detail, message) => request.log.warn(detail, message));
      return reply.status(202).send({ id: request.body.clientMessageId });
    },
  );

  await app.register(webchatFileRoutes, { deps, access });
  await app.register(webchatEndingRoutes, { access });
};

/** The visitor's browser language ("es-MX,es;q=0.9" → "es"), for what we write to them. */
function browserLanguage(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^([a-z]{2,3})(-[a-z0-9]{1,8})*$/.exec(first)?.[1];
}
