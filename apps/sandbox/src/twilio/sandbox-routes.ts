import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { phoneAddress, twilioNumberSchema } from '../options';
import { bareAddress, isWhatsApp, type StoredMessage } from '../store';
import { markTwilioWhatsAppRead } from './delivery';
import { mediaSidOf, phoneMediaPath } from './media';
import { toMessageResource } from './message-resource';

const failNumberSchema = z.object({
  number: phoneAddress,
  errorCode: z.number().int().positive().nullable(),
});

/**
 * A `+` in a query string decodes to a space, so `?to=+1555…` arrives as ` 1555…`;
 * read it back as the number the caller meant.
 */
function restorePlus(value: string): string {
  return value.replace(/^(whatsapp:)? /, '$1+').trim();
}

function queryAddress(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return bareAddress(restorePlus(value));
}

const conversationSchema = z.object({ customer: phoneAddress, business: phoneAddress });

const isOutbound = (message: StoredMessage) => message.direction !== 'inbound';

/**
 * Media as the phone can load it: the sandbox's copy of what the app sent, and the
 * customer's own files without Twilio credentials.
 */
function phoneMediaUrls(message: StoredMessage): string[] {
  if (isOutbound(message)) return message.mediaCopies;
  return message.mediaUrls.map((url) => {
    const sid = mediaSidOf(url);
    return sid ? phoneMediaPath(sid) : url;
  });
}

/** What a customer's phone shows: `out` is what the customer sent, `in` what the business replied. */
function threadEntry(message: StoredMessage) {
  return {
    sid: message.sid,
    direction: isOutbound(message) ? 'in' : 'out',
    body: message.body,
    mediaUrls: message.mediaUrls,
    phoneMediaUrls: phoneMediaUrls(message),
    contentSid: message.contentSid,
    repliedMessageSid: message.repliedMessageSid,
    status: message.status,
    errorCode: message.errorCode,
    errorMessage: message.errorMessage,
    webhookStatus: message.webhookStatus,
    createdAt: message.dateCreated.toISOString(),
  };
}

/** Sandbox-only endpoints: register numbers, inspect what the app sent, read a customer's thread. */
export function registerSandboxTwilioRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { store } = context;

  app.get('/sandbox/twilio/numbers', () => store.listNumbers());

  app.put('/sandbox/twilio/numbers', (request) => {
    const entry = twilioNumberSchema.parse(request.body);
    if (!store.account(entry.accountSid)) {
      throw new SandboxRequestError(400, 'unknown_account', `No account ${entry.accountSid}`);
    }
    store.putNumber(entry);
    return entry;
  });

  app.put('/sandbox/twilio/fail-numbers', (request) => {
    const { number, errorCode } = failNumberSchema.parse(request.body);
    store.setFailNumber(number, errorCode);
    return { number, errorCode };
  });

  app.get<{ Querystring: { to?: string; from?: string } }>(
    '/sandbox/twilio/messages',
    (request) => {
      const to = queryAddress(request.query.to);
      const from = queryAddress(request.query.from);
      return store
        .allMessages()
        .filter(isOutbound)
        .filter((message) => !to || bareAddress(message.to) === to)
        .filter((message) => !from || (message.from !== null && bareAddress(message.from) === from))
        .map((message) => ({
          ...toMessageResource(message),
          media_urls: message.mediaUrls,
          status_callback: message.statusCallback,
          content_sid: message.contentSid,
        }));
    },
  );

  app.delete('/sandbox/twilio/messages', (_request, reply) => {
    store.clearMessages();
    return reply.status(204).send();
  });

  app.get<{ Querystring: { customer?: string; business?: string } }>(
    '/sandbox/twilio/thread',
    (request) => {
      const customer = queryAddress(request.query.customer);
      const business = queryAddress(request.query.business);
      if (!customer || !business) {
        throw new SandboxRequestError(400, 'invalid_input', 'customer and business are required');
      }
      // SMS and WhatsApp are separate apps on the phone: `whatsapp:` addresses ask for that chat.
      const whatsApp = [request.query.customer, request.query.business].some((value) =>
        value?.trim().startsWith('whatsapp:'),
      );
      return store
        .allMessages()
        .filter((message) => isWhatsApp(message.to) === whatsApp)
        .filter((message) => {
          const from = message.from === null ? '' : bareAddress(message.from);
          const to = bareAddress(message.to);
          return isOutbound(message)
            ? from === business && to === customer
            : from === customer && to === business;
        })
        .map(threadEntry);
    },
  );

  // The customer opened the WhatsApp chat: delivered replies turn read, with a status callback.
  app.post('/sandbox/twilio/read', (request) => {
    const { customer, business } = conversationSchema.parse(request.body);
    return { read: markTwilioWhatsAppRead(context, customer, business) };
  });
}
