import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import type { MetaNumber } from '../options';
import { describeFailure, type WebhookResponse } from '../outbound-http';
import { waId, wamid } from './ids';
import { mediaProblem, storeMediaBytes } from './media-files';
import type { MessageMedia, MetaMessage, MetaMessageStatus } from './store';
import { postMetaWebhook, webhookEnvelope } from './webhooks';

const e164 = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +14155550100');

const fileSchema = z.object({
  contentType: z.string().min(3).max(100),
  dataBase64: z.base64(),
  caption: z.string().max(1024).optional(),
});

const customerMessageSchema = z
  .object({
    from: e164,
    profileName: z.string().trim().min(1).max(256).optional(),
    /** The business: its display number (E.164) or its phone number id. */
    to: z.string().trim().min(1),
    type: z.enum(['text', 'image', 'document', 'reaction', 'location']),
    text: z.string().min(1).max(4096).optional(),
    image: fileSchema.optional(),
    document: fileSchema.extend({ filename: z.string().min(1).max(240) }).optional(),
    reaction: z.object({ messageId: z.string().min(1), emoji: z.string().max(16) }).optional(),
    location: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().max(1000).optional(),
        address: z.string().max(1000).optional(),
      })
      .optional(),
    contextMessageId: z.string().min(1).optional(),
  })
  .refine((input) => input[input.type] !== undefined, {
    message: 'the field named by type is required',
    path: ['type'],
  });

type CustomerMessageInput = z.output<typeof customerMessageSchema>;

const unixSeconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

/** The message object of Meta's inbound webhook, per its documented examples. */
function webhookMessage(message: MetaMessage, number: MetaNumber, context: SandboxContext) {
  const body: Record<string, unknown> = {};
  if (message.contextId) {
    const quoted = context.meta.store.message(message.contextId);
    const quotedFrom = quoted?.author === 'customer' ? quoted.customer : number.displayPhoneNumber;
    body.context = { from: waId(quotedFrom), id: message.contextId };
  }
  Object.assign(body, {
    from: waId(message.customer),
    id: message.id,
    timestamp: unixSeconds(message.createdAt),
    type: message.type,
  });
  const media = message.media;
  const stored = media?.id ? context.meta.store.getMedia(media.id) : undefined;
  if (message.type === 'text') body.text = { body: message.text };
  if ((message.type === 'image' || message.type === 'document') && media && stored) {
    body[message.type] = {
      ...(media.caption ? { caption: media.caption } : {}),
      ...(message.type === 'document' ? { filename: media.filename } : {}),
      mime_type: stored.mimeType,
      sha256: stored.sha256,
      id: stored.id,
    };
  }
  if (message.type === 'reaction' && message.reaction) {
    body.reaction = { message_id: message.reaction.messageId, emoji: message.reaction.emoji };
  }
  if (message.type === 'location' && message.location) body.location = message.location;
  return body;
}

function mediaOf(
  input: CustomerMessageInput,
  number: MetaNumber,
  context: SandboxContext,
): MessageMedia | null {
  const file =
    input.type === 'image' ? input.image : input.type === 'document' ? input.document : undefined;
  if (!file) return null;
  const data = Buffer.from(file.dataBase64, 'base64');
  const mimeType = file.contentType.split(';')[0]!.trim();
  const problem = mediaProblem(mimeType, data.length);
  if (problem) throw new SandboxRequestError(400, 'invalid_input', problem);
  const filename = input.type === 'document' ? (input.document?.filename ?? null) : null;
  const stored = storeMediaBytes(context.meta.store, number.phoneNumberId, {
    mimeType,
    data,
    filename,
  });
  return { id: stored.id, link: null, mimeType, caption: file.caption ?? null, filename };
}

async function deliverToApp(
  context: SandboxContext,
  number: MetaNumber,
  message: MetaMessage,
): Promise<WebhookResponse | string> {
  try {
    const answer = await postMetaWebhook(
      number,
      message.webhookBody ?? '',
      context.background.signal,
    );
    // What the customer's phone shows: delivered once the app took it, read when it says so.
    const status: MetaMessageStatus =
      answer.status >= 200 && answer.status < 300 ? 'delivered' : 'sent';
    const current = context.meta.store.message(message.id);
    const change = current?.status === 'read' ? {} : { status };
    context.meta.store.updateMessage(
      message.id,
      { ...change, webhookStatus: answer.status },
      context.clock.now(),
    );
    context.log.info(`WhatsApp message webhook ${message.id}: app answered ${answer.status}`);
    return answer;
  } catch (error) {
    const reason = describeFailure(error);
    context.log.warn(`WhatsApp message webhook ${message.id} could not be posted: ${reason}`);
    context.meta.store.updateMessage(message.id, { webhookStatus: null }, context.clock.now());
    return reason;
  }
}

function unreachable(
  reply: FastifyReply,
  request: FastifyRequest,
  id: string,
  url: string,
  reason: string,
) {
  return reply.status(502).send({
    id,
    status: null,
    error: {
      code: 'app_unreachable',
      message: `The app at ${url} could not be reached (${reason})`,
      requestId: request.id,
    },
  });
}

/**
 * A customer writes to a business number on WhatsApp: the sandbox posts Meta's signed
 * message webhook to the number's callback URL, and can re-deliver it on demand the way Meta
 * retries (same bytes, same signature).
 */
export function registerMetaCustomerMessages(app: FastifyInstance, context: SandboxContext): void {
  const { meta, windows, clock } = context;

  app.post('/sandbox/meta/messages', { bodyLimit: 24 * 1024 * 1024 }, async (request, reply) => {
    const input = customerMessageSchema.parse(request.body);
    const number = meta.store.numberByAddress(input.to);
    if (!number) {
      throw new SandboxRequestError(
        404,
        'not_found',
        `${input.to} is not a registered WhatsApp business number`,
      );
    }
    const now = clock.now();
    const message: MetaMessage = {
      id: wamid(waId(input.from), 'inbound'),
      author: 'customer',
      phoneNumberId: number.phoneNumberId,
      customer: input.from,
      type: input.type,
      text:
        input.type === 'text'
          ? (input.text ?? null)
          : (input.image?.caption ?? input.document?.caption ?? null),
      media: mediaOf(input, number, context),
      location: input.type === 'location' ? (input.location ?? null) : null,
      template: null,
      reaction: input.type === 'reaction' && input.reaction ? input.reaction : null,
      buttons: [],
      contextId: input.contextMessageId ?? null,
      status: 'sent',
      errors: [],
      readRequested: false,
      request: null,
      webhookBody: null,
      webhookStatus: null,
      createdAt: now,
      updatedAt: now,
    };
    const contact = {
      profile: { name: input.profileName ?? waId(input.from) },
      wa_id: waId(input.from),
    };
    message.webhookBody = JSON.stringify(
      webhookEnvelope(number, {
        contacts: [contact],
        messages: [webhookMessage(message, number, context)],
      }),
    );
    meta.store.addMessage(message);
    windows.touch(input.from, number.displayPhoneNumber);

    const answer = await deliverToApp(context, number, message);
    if (typeof answer === 'string')
      return unreachable(reply, request, message.id, number.webhookUrl, answer);
    return { id: message.id, status: answer.status };
  });

  app.post('/sandbox/meta/webhook-retry', async (request, reply) => {
    const { id, times } = z
      .object({ id: z.string().min(1), times: z.number().int().min(1).max(10).default(1) })
      .parse(request.body);
    const message = meta.store.message(id);
    const number = message && meta.store.number(message.phoneNumberId);
    if (!message?.webhookBody || !number) {
      throw new SandboxRequestError(404, 'not_found', `No customer message ${id}`);
    }
    const statuses: Array<number | null> = [];
    for (let attempt = 0; attempt < times; attempt += 1) {
      const answer = await deliverToApp(context, number, message);
      statuses.push(typeof answer === 'string' ? null : answer.status);
    }
    return reply.send({ id, statuses });
  });
}
