import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { phoneAddress } from '../options';
import { isWhatsApp } from '../store';
import { deliverOutbound } from './delivery';
import { inboundWebhookParams } from './inbound-webhook';
import { newMessage } from './new-message';
import { twimlMessages } from './twiml';
import { describeFailure, postTwilioWebhook, type WebhookResponse } from './webhooks';

const customerSmsSchema = z
  .object({
    from: phoneAddress,
    to: phoneAddress,
    body: z.string().max(1600),
    mediaUrls: z.array(z.url()).max(10).default([]),
    /** Files to attach as MMS media; the sandbox hosts them like Twilio does. */
    media: z
      .array(z.object({ contentType: z.string().min(3).max(100), dataBase64: z.base64() }))
      .max(10)
      .default([]),
    /** WhatsApp only: the name on the customer's WhatsApp profile. */
    profileName: z.string().trim().min(1).max(256).optional(),
    /** WhatsApp only: the SID of the message the customer quoted in their reply. */
    replyToSid: z
      .string()
      .regex(/^(SM|MM)[0-9a-f]{32}$/)
      .optional(),
  })
  .refine(
    (input) => input.body.trim() !== '' || input.mediaUrls.length > 0 || input.media.length > 0,
    {
      message: 'a text needs a body or media',
      path: ['body'],
    },
  );

/**
 * A customer texts a business number: the sandbox posts Twilio's signed incoming-message
 * webhook to that number's smsUrl and sends back any TwiML <Message> replies.
 */
export function registerCustomerSms(app: FastifyInstance, context: SandboxContext): void {
  const { store, media, background, log, windows } = context;

  app.post('/sandbox/twilio/sms', { bodyLimit: 24 * 1024 * 1024 }, async (request, reply) => {
    const input = customerSmsSchema.parse(request.body);
    // WhatsApp runs between two whatsapp: addresses; a bare customer number is read as theirs.
    const from =
      isWhatsApp(input.to) && !isWhatsApp(input.from) ? `whatsapp:${input.from}` : input.from;
    const number = store.number(input.to);
    const account = number && store.account(number.accountSid);
    if (!number || !account) {
      throw new SandboxRequestError(404, 'not_found', `${input.to} is not a registered number`);
    }
    const message = newMessage({
      accountSid: account.accountSid,
      direction: 'inbound',
      from,
      to: input.to,
      body: input.body,
      mediaUrls: input.mediaUrls,
      status: 'received',
      ...(isWhatsApp(input.to)
        ? {
            profileName: input.profileName ?? null,
            repliedMessageSid: input.replyToSid ?? null,
            numSegments: 1,
          }
        : {}),
    });
    for (const file of input.media) {
      message.mediaUrls.push(
        media.add(account.accountSid, message.sid, {
          contentType: file.contentType,
          data: Buffer.from(file.dataBase64, 'base64'),
        }),
      );
    }
    store.addMessage(message);
    if (isWhatsApp(input.to)) windows.touch(from, input.to);

    let answer: WebhookResponse;
    try {
      answer = await postTwilioWebhook(
        number.smsUrl,
        inboundWebhookParams(message, store),
        account.authToken,
        background.signal,
      );
    } catch (error) {
      const reason = describeFailure(error);
      log.warn(`incoming-message webhook ${message.sid} could not be posted: ${reason}`);
      return reply.status(502).send({
        messageSid: message.sid,
        status: null,
        error: {
          code: 'app_unreachable',
          message: `The app at ${number.smsUrl} could not be reached (${reason})`,
          requestId: request.id,
        },
      });
    }
    store.updateMessage(message.sid, { webhookStatus: answer.status });
    log.info(`incoming-message webhook ${message.sid}: app answered ${answer.status}`);

    if (answer.status >= 200 && answer.status < 300) {
      for (const twiml of twimlMessages(answer.body)) {
        const replyMessage = newMessage({
          accountSid: account.accountSid,
          direction: 'outbound-reply',
          from: input.to,
          to: from,
          body: twiml.body,
          mediaUrls: twiml.mediaUrls,
          status: 'queued',
        });
        store.addMessage(replyMessage);
        deliverOutbound(context, replyMessage.sid);
      }
    }
    return { messageSid: message.sid, status: answer.status };
  });
}
