import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ApiDeps } from './deps';
import { authPlugin } from './plugins/auth';
import { errorsPlugin, sendError } from './plugins/errors';
import { registerJsonParser } from './plugins/json-body';
import { realtimePlugin } from './plugins/realtime';
import { webchatSocketPlugin } from './plugins/webchat-socket';
import { attachmentRoutes } from './routes/attachments';
import { authRoutes } from './routes/auth';
import { conversationRoutes } from './routes/conversations';
import { healthRoutes } from './routes/health';
import { inboxRoutes } from './routes/inboxes';
import { twilioWebhookRoutes } from './routes/webhooks/twilio';
import { whatsappWebhookRoutes } from './routes/webhooks/whatsapp';
import { contactRoutes } from './routes/contacts';
import { searchRoutes } from './routes/search';
import { savedFilterRoutes } from './routes/saved-filters';
import { publicMediaRoutes } from './routes/public-media';
import { tagRoutes } from './routes/tags';
import { cannedResponseRoutes } from './routes/canned-responses';
import { notificationRoutes } from './routes/notifications';
import { teamRoutes } from './routes/teams';
import { routingRuleRoutes } from './routes/routing-rules';
import { uploadsPlugin } from './plugins/uploads';
import { agentRoutes } from './routes/agents';
import { indicatorRoutes } from './routes/indicators';
import { assignmentRoutes } from './routes/assignment';
import { supervisorRoutes } from './routes/supervisor';
import { webchatRoutes } from './routes/webchat';
import { widgetScriptRoute } from './routes/widget-script';

export async function buildApp(
  deps: ApiDeps,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.LOG_LEVEL,
            redact: ['req.headers.cookie', 'req.headers.authorization'],
          },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    // URLs the router cannot take (broken percent-encoding, a path parameter over its length)
    // answer in the one error shape as well.
    frameworkErrors: (error, request, reply) => {
      // Answered before routing: the onSend hook below does not run for these.
      reply.header('x-request-id', request.id);
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
        return void sendError(
          reply,
          request,
          414,
          'uri_too_long',
          'A part of the URL is too long.',
        );
      if (error.code === 'FST_ERR_BAD_URL')
        return void sendError(reply, request, 400, 'bad_url', 'The URL is not validly encoded.');
      return void sendError(reply, request, 500, 'internal', 'Something went wrong on our side.');
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonParser(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Switchboard API',
        version: '1.0.0',
        description: 'Omnichannel support inbox.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sb_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { deps });

  await app.register(healthRoutes, { deps });
  await app.register(uploadsPlugin);
  await app.register(twilioWebhookRoutes, { prefix: '/webhooks/twilio', deps });
  await app.register(whatsappWebhookRoutes, { prefix: '/webhooks/whatsapp', deps });
  await app.register(publicMediaRoutes, { prefix: '/media', deps });
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
      await api.register(authRoutes, { prefix: '/auth', deps });
      await api.register(inboxRoutes, { prefix: '/inboxes', deps });
      await api.register(conversationRoutes, { prefix: '/conversations', deps });
      await api.register(attachmentRoutes, { prefix: '/attachments', deps });
      await api.register(contactRoutes, { prefix: '/contacts', deps });
      await api.register(searchRoutes, { prefix: '/search', deps });
      await api.register(savedFilterRoutes, { prefix: '/saved-filters', deps });
      await api.register(teamRoutes, { prefix: '/teams', deps });
      await api.register(routingRuleRoutes, { prefix: '/routing-rules', deps });
      await api.register(tagRoutes, { prefix: '/tags', deps });
      await api.register(cannedResponseRoutes, { prefix: '/canned-responses', deps });
      await api.register(notificationRoutes, { prefix: '/notifications', deps });
      await api.register(assignmentRoutes, { prefix: '/conversations', deps });
      await api.register(agentRoutes, { deps });
      await api.register(indicatorRoutes, { deps });
      await api.register(supervisorRoutes, { prefix: '/supervisor', deps });
      await api.register(webchatRoutes, { prefix: '/webchat', deps });
      // Once for both socket plugins: each registration would answer every upgrade itself.
      await api.register(websocket);
      await api.register(realtimePlugin, { deps });
      await api.register(webchatSocketPlugin, { deps });
    },
    { prefix: '/api/v1' },
  );

  if (deps.config.WIDGET_DIST) await app.register(widgetScriptRoute, { deps });

  const webDist = deps.config.WEB_DIST;
  const serveWeb = webDist !== '' && existsSync(join(webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !/^\/(api|webhooks|media)\//.test(request.url);
    // The web app routes on the client: unknown page paths get its index.html.
    if (serveWeb && isPage) return reply.sendFile('index.html');
    return sendError(
      reply,
      request,
      404,
      'not_found',
      `No route for ${request.method} ${request.url.split('?')[0]}.`,
    );
  });
  return app;
}
