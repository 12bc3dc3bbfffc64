import { ChannelError, templateSource } from '@switchboard/channels';
import {
  createInbox,
  getMailSync,
  listInboxes,
  listTemplates,
  syncInboxTemplates,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { requirePrincipal } from '../plugins/auth';
import { sendError } from '../plugins/errors';
import { asUser } from '../plugins/operation';
import { errorBody, errorResponses, idParams } from './schemas';

const inboxSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['sms_twilio', 'whatsapp_twilio', 'whatsapp_cloud', 'email', 'webchat']),
    name: z.string(),
    address: z.string(),
    externalId: z.string().nullable(),
  })
  .meta({ id: 'Inbox' });

const templateListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        language: z.string(),
        category: z.string(),
        body: z.string(),
        parameterCount: z.number().int(),
      }),
    ),
    syncedAt: z.string().nullable(),
  })
  .meta({ id: 'TemplateList' });

const base = {
  name: z.string().trim().min(1).max(100),
  address: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +14155550100'),
  defaultTeamId: z.uuid().optional(),
};
const secret = z.string().min(8).max(500);
const mailServer = {
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  secure: z
    .boolean()
    .describe('TLS from the first byte (port 465 / 993); false uses STARTTLS when offered'),
  user: z.string().max(320).optional(),
  password: z.string().max(500).optional(),
};
const createInboxBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    name: base.name,
    address: z.email().transform((value) => value.toLowerCase()),
    defaultTeamId: base.defaultTeamId,
    smtp: z.object(mailServer),
    imap: z
      .object({
        ...mailServer,
        mailbox: z.string().max(200).optional(),
        backfillDays: z.number().int().min(0).max(365).optional(),
      })
      .optional()
      .describe('Read mail over IMAP; without it, forward mail to the SMTP listener'),
  }),
  z.object({
    kind: z.enum(['sms_twilio', 'whatsapp_twilio']),
    ...base,
    accountSid: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID (AC + 32 hex digits)'),
    authToken: secret,
  }),
  z.object({
    kind: z.literal('whatsapp_cloud'),
    ...base,
    phoneNumberId: z.string().regex(/^\d{5,20}$/, "must be Meta's numeric Phone-Number-ID"),
    wabaId: z.string().regex(/^\d{5,20}$/, 'must be the numeric WhatsApp Business Account ID'),
    accessToken: secret,
    appSecret: secret,
    verifyToken: secret,
  }),
]);

export const inboxRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['inboxes'];
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: "The workspace's connected channels",
        response: { 200: z.array(inboxSchema), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => listInboxes({ ctx })),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary:
          'Connect a Twilio SMS or WhatsApp number, a WhatsApp Cloud API number or an email address (admins)',
        body: createInboxBody,
        response: { 201: inboxSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const inbox = await asUser(deps, request, (ctx) => createInbox({ ctx, input: request.body }));
      return reply.status(201).send(inbox);
    },
  );

  app.get(
    '/:id/mail-sync',
    {
      schema: {
        tags,
        summary: 'How far an email inbox has read its mailbox (admins and supervisors)',
        params: idParams,
        response: {
          200: z.object({
            mode: z.enum(['imap', 'forwarding']),
            mailbox: z.string().nullable(),
            backfill: z.object({
              status: z.enum(['pending', 'running', 'done', 'failed']),
              done: z.number().int(),
              total: z.number().int(),
            }),
            since: z.string().nullable(),
            lastSyncedAt: z.string().nullable(),
            lastError: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) => getMailSync({ ctx, input: { inboxId: request.params.id } })),
  );

  app.get(
    '/:id/templates',
    {
      schema: {
        tags,
        summary: "The inbox's approved WhatsApp templates",
        params: idParams,
        response: { 200: templateListSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) => listTemplates({ ctx, input: { inboxId: request.params.id } })),
  );

  app.post(
    '/:id/templates/sync',
    {
      schema: {
        tags,
        summary: "Refresh the inbox's templates from the provider now",
        params: idParams,
        response: { 200: templateListSchema, 502: errorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { workspaceId } = requirePrincipal(request);
      try {
        // Outside any transaction: the provider may take a while to answer.
        await syncInboxTemplates(
          deps.domain,
          request.params.id,
          (kind) => templateSource(kind, deps.channelEnv),
          {
            workspaceId,
          },
        );
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        return sendError(reply, request, 502, 'provider_error', error.message);
      }
      return asUser(deps, request, (ctx) =>
        listTemplates({ ctx, input: { inboxId: request.params.id } }),
      );
    },
  );
};
