import {
  acceptConversation,
  closeConversation,
  countConversations,
  getConversation,
  listConversations,
  listMessages,
  markConversationRead,
  reopenConversation,
  MAX_OUTBOUND_FILE_BYTES,
  requestTranscript,
  sendMediaReply,
  sendReply,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { readUpload } from '../plugins/uploads';
import { conversationSchema, errorBody, errorResponses, idParams, messageSchema } from './schemas';

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const cursorQuery = {
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(500).optional(),
};

export const conversationRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (
  app,
  { deps },
) => {
  const tags = ['conversations'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'One inbox tab: waiting (oldest first), open or closed (latest first)',
        querystring: z.object({
          tab: z.enum(['waiting', 'open', 'closed']).default('open'),
          ...cursorQuery,
        }),
        response: { 200: page(conversationSchema), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => listConversations({ ctx, input: request.query })),
  );

  app.get(
    '/counts',
    {
      schema: {
        tags,
        summary: 'How many conversations each tab holds',
        response: {
          200: z.object({ waiting: z.number(), open: z.number(), closed: z.number() }),
          ...errorResponses,
        },
      },
    },
    (request) => asUser(deps, request, (ctx) => countConversations({ ctx })),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One conversation',
        params: idParams,
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => getConversation({ ctx, input: request.params })),
  );

  app.get(
    '/:id/messages',
    {
      schema: {
        tags,
        summary: 'Messages, notes and activity, oldest first; nextCursor pages back in time',
        params: idParams,
        querystring: z.object({
          ...cursorQuery,
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: page(messageSchema), ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        listMessages({ ctx, input: { conversationId: request.params.id, ...request.query } }),
      ),
  );

  app.post(
    '/:id/messages',
    {
      schema: {
        tags,
        summary: 'Reply to the customer on their channel, or add a private note',
        params: idParams,
        description:
          'Send `text` (free text; on WhatsApp only inside the 24-hour window, else 409 `whatsapp_window_closed`), or an approved `template` with its body parameters. `private: true` makes a note only colleagues see.',
        body: z.union([
          z.object({ text: z.string().max(20_000), private: z.boolean().optional() }),
          z.object({
            template: z.object({
              id: z.uuid(),
              parameters: z.array(z.string().max(1024)).max(20),
            }),
          }),
        ]),
        response: { 201: messageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const message = await asUser(deps, request, (ctx) =>
        sendReply({ ctx, input: { conversationId: request.params.id, ...request.body } }),
      );
      return reply.status(201).send(message);
    },
  );

  app.post(
    '/:id/messages/media',
    {
      schema: {
        tags,
        summary: 'Send the customer a file (multipart: `file`, optional `text` as caption)',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: messageSchema, 413: errorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request, MAX_OUTBOUND_FILE_BYTES);
      const message = await asUser(deps, request, (ctx) =>
        sendMediaReply({
          ctx,
          input: { conversationId: request.params.id, text: upload.fields.text, file: upload.file },
        }),
      );
      return reply.status(201).send(message);
    },
  );

  app.post(
    '/:id/transcript',
    {
      schema: {
        tags,
        summary: 'Send the transcript by email (any channel), to `to` or the contact’s email',
        params: idParams,
        body: z.object({ to: z.string().max(320).optional() }),
        response: { 202: z.object({ to: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const sent = await asUser(deps, request, (ctx) =>
        requestTranscript({ ctx, input: { conversationId: request.params.id, ...request.body } }),
      );
      return reply.status(202).send(sent);
    },
  );

  app.post(
    '/:id/read',
    {
      schema: {
        tags,
        summary: 'Clear the unread mark (the agent opened the conversation)',
        params: idParams,
        response: { 204: z.null().describe('Marked read'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asUser(deps, request, (ctx) => markConversationRead({ ctx, input: request.params }));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/accept',
    {
      schema: {
        tags,
        summary: 'Take a waiting conversation',
        params: idParams,
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => acceptConversation({ ctx, input: request.params })),
  );

  app.post(
    '/:id/close',
    {
      schema: {
        tags,
        summary: 'Close with an outcome',
        params: idParams,
        body: z.object({
          outcome: z
            .enum(['resolved', 'no_reply', 'no_agent', 'abandoned', 'cancelled'])
            .describe('Why it ended'),
        }),
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        closeConversation({ ctx, input: { id: request.params.id, outcome: request.body.outcome } }),
      ),
  );

  app.post(
    '/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed conversation',
        params: idParams,
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => reopenConversation({ ctx, input: request.params })),
  );
};
