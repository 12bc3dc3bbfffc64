import {
  contactPatchSchema,
  getContact,
  listContactConversations,
  mergeContacts,
  setContactBlocked,
  updateContact,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { asUser } from '../plugins/operation';
import { conversationSchema, errorResponses, idParams } from './schemas';

const contactSchema = z
  .object({
    id: z.uuid().describe("The contact's id; a merged contact's id answers the survivor"),
    name: z.string().nullable(),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2'),
    language: z.string().nullable().describe('BCP 47'),
    blocked: z.boolean(),
    notes: z.string().nullable(),
    identities: z.array(
      z.object({ kind: z.string(), address: z.string(), displayName: z.string().nullable() }),
    ),
    openConversations: z
      .array(
        z.object({
          id: z.uuid(),
          reference: z.string(),
          status: z.enum(['waiting', 'open']),
          phase: z.string(),
          inbox: z.object({ id: z.uuid(), kind: z.string(), name: z.string() }),
          assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
          visible: z.boolean().describe('Whether the caller may open it'),
        }),
      )
      .describe('Non-closed conversations of this customer in every inbox'),
    createdAt: z.string(),
  })
  .meta({ id: 'Contact' });

export const contactRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['contacts'];

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'The info panel: contact fields, identities and live conversations',
        description:
          'Anyone who may see one of its conversations, or staff. The id of a merged contact answers the contact it was merged into.',
        params: idParams,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => getContact({ ctx, input: request.params })),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Edit name, country, language or notes (null or blank clears a field)',
        params: idParams,
        body: contactPatchSchema,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        updateContact({ ctx, input: { id: request.params.id, ...request.body } }),
      ),
  );

  app.post(
    '/:id/block',
    {
      schema: {
        tags,
        summary: 'Block the customer: their messages are stored but never queued or assigned',
        params: idParams,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        setContactBlocked({ ctx, input: { id: request.params.id, blocked: true } }),
      ),
  );

  app.delete(
    '/:id/block',
    {
      schema: {
        tags,
        summary: 'Unblock the customer',
        params: idParams,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        setContactBlocked({ ctx, input: { id: request.params.id, blocked: false } }),
      ),
  );

  app.post(
    '/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge a duplicate contact into this one (staff): its identities and conversations move here',
        description:
          '409 `merge_into_itself`, `already_merged`, or `both_have_live_conversation` when both have a live conversation in the same inbox (close one first).',
        params: idParams,
        body: z.object({ contactId: z.uuid() }),
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        mergeContacts({ ctx, input: { id: request.params.id, contactId: request.body.contactId } }),
      ),
  );

  app.get(
    '/:id/conversations',
    {
      schema: {
        tags,
        summary: "The customer's conversations on every channel, newest first",
        params: idParams,
        response: { 200: z.object({ items: z.array(conversationSchema) }), ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        listContactConversations({ ctx, input: { contactId: request.params.id } }),
      ),
  );
};
