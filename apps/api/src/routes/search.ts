import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH, searchWorkspace } from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { conversationSchema, errorResponses } from './schemas';

const searchResultSchema = z
  .object({
    messages: z.array(
      z.object({
        conversationId: z.uuid(),
        messageId: z.uuid(),
        reference: z.string(),
        contactName: z.string().nullable(),
        kind: z.enum(['message', 'note']),
        direction: z.enum(['inbound', 'outbound', 'internal']),
        snippet: z.string().describe('Plain text around the match'),
        highlights: z
          .array(z.tuple([z.number().int(), z.number().int()]))
          .describe('[start, end) offsets of the matched words in `snippet`'),
        occurredAt: z.string(),
      }),
    ),
    contacts: z.array(
      z.object({
        id: z.uuid(),
        name: z.string().nullable(),
        identities: z.array(
          z.object({ kind: z.string(), address: z.string(), displayName: z.string().nullable() }),
        ),
      }),
    ),
    conversations: z.array(conversationSchema),
  })
  .meta({ id: 'SearchResult' });

export const searchRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['search'],
        summary: 'Search messages and notes, contacts and conversation references',
        description:
          'Messages by words (Spanish and English stemming, so "pedidos" finds "pedido"; quotes for phrases, -word to exclude), contacts by name or any fragment of a phone number or address, conversations by reference. Only what the caller may see; at most 20 of each, newest first.',
        querystring: z.object({
          q: z.string().trim().min(SEARCH_MIN_LENGTH).max(SEARCH_MAX_LENGTH),
        }),
        response: { 200: searchResultSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) => searchWorkspace({ ctx, input: { q: request.query.q } })),
  );
};
