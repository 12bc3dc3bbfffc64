import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { metaNumberSchema, type MetaNumber } from '../options';
import { markReadByCustomer } from './delivery';
import { waId } from './ids';
import { newTemplate, templateInputSchema } from './templates';
import { threadEntries } from './thread';

/** Numbers as the sandbox lists them: never the access token or the app secret. */
const publicNumber = (entry: MetaNumber) => ({
  phoneNumberId: entry.phoneNumberId,
  displayPhoneNumber: entry.displayPhoneNumber,
  wabaId: entry.wabaId,
  webhookUrl: entry.webhookUrl,
});

/** A `+` in a query string decodes to a space; read ` 1555…` back as `+1555…`. */
const queryValue = (value: string | undefined) => value?.replace(/^ /, '+').trim() || undefined;

const conversationSchema = z.object({
  // Twilio's spelling (`whatsapp:+1…`) is accepted too: the age control serves both providers.
  customer: z
    .string()
    .trim()
    .regex(/^(whatsapp:)?\+?[1-9]\d{6,14}$/, 'must be an E.164 number'),
  business: z.string().trim().min(1),
});

/** Sandbox-only endpoints of the Meta stand-in: numbers, templates, what the app sent, the chat. */
export function registerMetaSandboxRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { meta, windows } = context;

  const businessOf = (address: string) => {
    const number = meta.store.numberByAddress(address);
    if (!number) {
      throw new SandboxRequestError(
        404,
        'not_found',
        `${address} is not a registered WhatsApp business number`,
      );
    }
    return number;
  };

  app.get('/sandbox/meta/numbers', () => meta.store.listNumbers().map(publicNumber));

  app.put('/sandbox/meta/numbers', (request) => {
    const entry = metaNumberSchema.parse(request.body);
    meta.store.putNumber(entry);
    return publicNumber(entry);
  });

  app.get<{ Querystring: { wabaId?: string } }>('/sandbox/meta/templates', (request) => {
    const { wabaId } = request.query;
    if (!wabaId || !meta.store.hasWaba(wabaId)) {
      throw new SandboxRequestError(
        404,
        'not_found',
        `No WhatsApp Business Account ${wabaId ?? ''}`,
      );
    }
    return meta.store.templatesOf(wabaId);
  });

  app.put('/sandbox/meta/templates', (request) => {
    const { wabaId, templates } = z
      .object({
        wabaId: z.string().regex(/^\d+$/),
        templates: z.array(templateInputSchema).max(1000),
      })
      .parse(request.body);
    if (!meta.store.hasWaba(wabaId)) {
      throw new SandboxRequestError(404, 'not_found', `No WhatsApp Business Account ${wabaId}`);
    }
    meta.store.setTemplates(wabaId, templates.map(newTemplate));
    return meta.store.templatesOf(wabaId);
  });

  app.get<{ Querystring: { to?: string; from?: string } }>('/sandbox/meta/messages', (request) => {
    const to = queryValue(request.query.to);
    const from = queryValue(request.query.from);
    const sender = from ? businessOf(from) : undefined;
    return meta.store
      .allMessages()
      .filter((message) => message.author === 'business')
      .filter((message) => !to || waId(message.customer) === waId(to))
      .filter((message) => !sender || message.phoneNumberId === sender.phoneNumberId)
      .map((message) => ({
        id: message.id,
        phoneNumberId: message.phoneNumberId,
        to: message.customer,
        type: message.type,
        text: message.text,
        template: message.template,
        request: message.request,
        status: message.status,
        errors: message.errors,
        createdAt: message.createdAt.toISOString(),
      }));
  });

  app.delete('/sandbox/meta/messages', (_request, reply) => {
    meta.store.clearMessages();
    return reply.status(204).send();
  });

  app.get<{ Querystring: { customer?: string; business?: string } }>(
    '/sandbox/meta/thread',
    (request) => {
      const { customer, business } = conversationSchema.parse({
        customer: queryValue(request.query.customer),
        business: queryValue(request.query.business),
      });
      return threadEntries(meta.store.conversation(businessOf(business).phoneNumberId, customer));
    },
  );

  app.post('/sandbox/meta/read', (request) => {
    const { customer, business } = conversationSchema.parse(request.body);
    const number = businessOf(business);
    return { read: markReadByCustomer(context, number.phoneNumberId, `+${waId(customer)}`) };
  });

  // Tests move time for one conversation: the customer's last message becomes `hours` older.
  app.post('/sandbox/meta/customers/age', (request) => {
    const input = conversationSchema
      .extend({
        hours: z
          .number()
          .min(0)
          .max(24 * 365),
      })
      .parse(request.body);
    // The business is a Meta number (id or display number) or a Twilio WhatsApp sender.
    const businessNumber =
      meta.store.numberByAddress(input.business)?.displayPhoneNumber ?? input.business;
    const lastMessageAt = windows.age(input.customer, businessNumber, input.hours);
    if (!lastMessageAt) {
      throw new SandboxRequestError(
        404,
        'not_found',
        `${input.customer} has never written to ${input.business} on WhatsApp`,
      );
    }
    return {
      customer: input.customer,
      business: input.business,
      lastMessageAt: lastMessageAt.toISOString(),
      windowOpen: windows.isOpen(input.customer, businessNumber),
    };
  });
}
