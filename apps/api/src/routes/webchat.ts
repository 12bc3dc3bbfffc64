import rateLimit from '@fastify/rate-limit';
import {
  invalidVisitorToken,
  loadWebchatInbox,
  runOperation,
  startWebchatVisitor,
  verifyVisitorToken,
  visitorConversation,
  visitorMessageEvent,
  webchatConfig,
  type Ctx,
  type WebchatSite,
} from '@switchboard/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { acceptInboundEvent } from '../inbound/accept-event';
import { sendError } from '../plugins/errors';
import { errorResponses } from './schemas';

const configSchema = z
  .object({
    inboxId: z.uuid(),
    name: z.string(),
    greeting: z.string().nullable(),
    color: z.string().nullable(),
    position: z.enum(['right', 'left']),
    teams: z.array(z.object({ id: z.uuid(), name: z.string(), online: z.boolean() })),
  })
  .meta({ id: 'WebchatConfig' });

const visitorConversationSchema = z
  .object({
    conversation: z
      .object({
        id: z.uuid(),
        reference: z.string(),
        status: z.enum(['waiting', 'open', 'closed']),
        outcome: z.string().nullable(),
        queuePosition: z.number().int().nullable().describe('1 = served next; only while waiting'),
        agent: z.object({ name: z.string() }).nullable(),
      })
      .nullable(),
    messages: z.array(
      z.object({
        id: z.uuid(),
        direction: z.enum(['inbound', 'outbound']),
        text: z.string(),
        createdAt: z.string(),
        author: z.object({ name: z.string() }).nullable(),
        automatic: z.boolean(),
        attachments: z.array(
          z.object({
            id: z.uuid(),
            fileName: z.string(),
            contentType: z.string(),
            url: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'WebchatConversation' });

const inboxParams = z.object({ inboxId: z.string().max(64) });
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
// Visitors authenticate with their token, never a cookie; OpenAPI shows these as open.
const visitorDocs = { tags: ['webchat'], security: [] };

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

  const asInbox = <T>(inbox: WebchatSite, operation: (ctx: Ctx) => Promise<T>) =>
    runOperation(
      deps.domain,
      { workspaceId: inbox.workspaceId, actor: { type: 'system' } },
      operation,
    );

  /** The visitor behind `Authorization: Bearer <visitor token>`, and their inbox. */
  async function visitorOf(request: FastifyRequest) {
    const raw = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const token = raw ? verifyVisitorToken(deps.config.SECRET_KEY, raw) : null;
    const inbox = token ? await loadWebchatInbox(deps.database.db, token.inboxId) : null;
    if (!token || !inbox) throw invalidVisitorToken();
    return { inbox, visitorId: token.visitorId };
  }

  async function inboxOr404(inboxId: string, request: FastifyRequest, reply: FastifyReply) {
    const inbox = await loadWebchatInbox(deps.database.db, inboxId);
    if (!inbox) await sendError(reply, request, 404, 'not_found', 'Web chat not found.');
    return inbox;
  }

  app.get(
    '/:inboxId/config',
    {
      config: perMinute(120),
      schema: {
        ...visitorDocs,
        summary: 'How the chat widget looks and which teams can answer now',
        params: inboxParams,
        response: { 200: configSchema, ...errorResponses },
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
          200: z.object({ token: z.string(), visitorId: z.string() }),
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
          input: { inbox, ...rest, ...(email ? { email: email.trim().toLowerCase() } : {}) },
        }),
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
};
