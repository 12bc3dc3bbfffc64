import {
  acceptConversation,
  closeConversation,
  countConversations,
  getConversation,
  hideConversation,
  holdConversation,
  inviteToConversation,
  joinConversation,
  listCannedResponsesFor,
  listConversations,
  listMessages,
  markConversationRead,
  markConversationUnread,
  reopenConversation,
  requestHelp,
  setConversationTags,
  snoozeConversation,
  transferConversation,
  unhideConversation,
  unsnoozeConversation,
  MAX_OUTBOUND_FILE_BYTES,
  requestTranscript,
  sendMediaReply,
  sendReply,
  CLOSED_COUNT_CAP,
} from '@switchboard/domain';
import type { ConversationView, Ctx } from '@switchboard/domain';
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
/** Supervisor mode: whose inbox the list and the counts show. */
const scopeQuery = {
  scope: z.enum(['mine', 'all']).optional(),
  agentId: z.uuid().optional(),
};
const oneScope = (query: { scope?: string | undefined; agentId?: string | undefined }) =>
  !(query.scope && query.agentId);
const scopeConflict = { message: 'Pass either scope or agentId, not both.', path: ['agentId'] };
const scopeDescription =
  '`scope=mine`: my own tabs, as an agent sees theirs (agents’ default). `scope=all`: every conversation of the workspace (staff only; their default). `agentId`: exactly what that user’s own tabs list (staff only; 404 when not in this workspace; not with `scope`). Agents get 403 for `scope=all` and `agentId`.';

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
        description: `\`view=needs_help\` lists open conversations that asked for help (my teams’; staff: all) instead of a tab. \`view=hidden\` lists the conversations I hid (any status, latest first; \`tab\` is ignored). Filters: \`tagId\`, \`teamId\`, \`inboxId\`. Otherwise conversations I hid are left out. ${scopeDescription}`,
        querystring: z
          .object({
            tab: z.enum(['waiting', 'open', 'closed']).default('open'),
            view: z.enum(['needs_help', 'hidden']).optional(),
            tagId: z.uuid().optional(),
            teamId: z.uuid().optional(),
            inboxId: z.uuid().optional(),
            ...scopeQuery,
            ...cursorQuery,
          })
          .refine(oneScope, scopeConflict),
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
        summary: 'How many conversations each tab holds (without those I hid)',
        description: `\`unread\`: per tab, how many of those conversations have unread messages (\`unreadCount > 0\`). \`closedCapped\`: the whole workspace's Closed tab is counted up to ${CLOSED_COUNT_CAP}; true means ${CLOSED_COUNT_CAP} or more. ${scopeDescription}`,
        querystring: z.object(scopeQuery).refine(oneScope, scopeConflict),
        response: {
          200: z.object({
            waiting: z.number(),
            open: z.number(),
            closed: z.number(),
            closedCapped: z.boolean(),
            unread: z.object({ waiting: z.number(), open: z.number(), closed: z.number() }),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => asUser(deps, request, (ctx) => countConversations({ ctx, input: request.query })),
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

  const action = (
    path: string,
    summary: string,
    operation: (ctx: Ctx, id: string) => Promise<ConversationView>,
  ) =>
    app.post(
      path,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          response: { 200: conversationSchema, ...errorResponses },
        },
      },
      (request) => asUser(deps, request, (ctx) => operation(ctx, request.params.id)),
    );

  app.post(
    '/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Hand the conversation to an agent (open, theirs) or a team (waiting there)',
        description:
          'Assigned agent or staff. Counts an escalation; `note` stays as a private note. 409 `at_capacity` when the agent is full.',
        params: idParams,
        body: z.union([
          z.object({ toUserId: z.uuid(), note: z.string().max(4096).optional() }),
          z.object({ toTeamId: z.uuid(), note: z.string().max(4096).optional() }),
        ]),
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        transferConversation({ ctx, input: { id: request.params.id, ...request.body } }),
      ),
  );

  app.post(
    '/:id/invite',
    {
      schema: {
        tags,
        summary: 'Invite a colleague: it shows in their Open tab and they may write',
        params: idParams,
        body: z.object({ userId: z.uuid() }),
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        inviteToConversation({
          ctx,
          input: { id: request.params.id, userId: request.body.userId },
        }),
      ),
  );

  app.post(
    '/:id/help',
    {
      schema: {
        tags,
        summary: 'Ask for help: phase needs_help, the team may join (an escalation)',
        params: idParams,
        body: z.object({ note: z.string().max(4096).optional() }).nullish(),
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        requestHelp({ ctx, input: { id: request.params.id, note: request.body?.note } }),
      ),
  );

  action(
    '/:id/join',
    'Join a conversation: agents one of their team that asks for help, staff any open one (the customer is told)',
    (ctx, id) => joinConversation({ ctx, input: { id } }),
  );

  app.post(
    '/:id/snooze',
    {
      schema: {
        tags,
        summary: 'Snooze until a time (future, at most 30 days ahead)',
        params: idParams,
        body: z.object({ until: z.iso.datetime({ offset: true }) }),
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        snoozeConversation({ ctx, input: { id: request.params.id, until: request.body.until } }),
      ),
  );

  action('/:id/unsnooze', 'Wake a snoozed conversation', (ctx, id) =>
    unsnoozeConversation({ ctx, input: { id } }),
  );
  action('/:id/hold', 'Put it back in its team’s Waiting queue, unassigned', (ctx, id) =>
    holdConversation({ ctx, input: { id } }),
  );

  app.put(
    '/:id/tags',
    {
      schema: {
        tags,
        summary: 'Replace the conversation’s tags',
        params: idParams,
        body: z.object({ tagIds: z.array(z.uuid()).max(50) }),
        response: { 200: conversationSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        setConversationTags({ ctx, input: { id: request.params.id, tagIds: request.body.tagIds } }),
      ),
  );

  const noContent = (
    method: 'POST' | 'DELETE',
    path: string,
    summary: string,
    operation: (ctx: Ctx, id: string) => Promise<void>,
  ) =>
    app.route({
      method,
      url: path,
      schema: {
        tags,
        summary,
        params: idParams,
        response: { 204: z.null().describe('Done'), ...errorResponses },
      },
      handler: async (request, reply) => {
        await asUser(deps, request, (ctx) => operation(ctx, request.params.id));
        return reply.status(204).send(null);
      },
    });

  noContent('POST', '/:id/unread', 'Mark unread again', (ctx, id) =>
    markConversationUnread({ ctx, input: { id } }),
  );
  noContent('POST', '/:id/hide', 'Hide from my lists and counts (only mine)', (ctx, id) =>
    hideConversation({ ctx, input: { id } }),
  );
  noContent('DELETE', '/:id/hide', 'Show again in my lists', (ctx, id) =>
    unhideConversation({ ctx, input: { id } }),
  );

  app.get(
    '/:id/canned-responses',
    {
      schema: {
        tags,
        summary: 'Canned responses with this conversation’s variables filled in (`text`)',
        params: idParams,
        response: {
          200: z.array(
            z.object({
              id: z.uuid(),
              shortcut: z.string(),
              title: z.string(),
              body: z.string(),
              text: z.string(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        listCannedResponsesFor({ ctx, input: { conversationId: request.params.id } }),
      ),
  );
};
