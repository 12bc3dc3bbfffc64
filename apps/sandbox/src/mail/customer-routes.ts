import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { SandboxRequestError } from '../http-errors';
import { bracketed, domainOf, newMessageId } from './addresses';
import { clientReply } from './client-replies';
import { composeMail } from './compose';
import { MailUnreachableError } from './delivery';
import { MAX_MAIL_BYTES } from './mail-server';
import type { MailboxEntry } from './mailbox';
import { deliverToSwitchboard } from './outgoing';
import { parseMail } from './parse';
import { rawMailSchema, replyMailSchema, sendMailSchema } from './requests';

/** Attachments arrive base64 in JSON, a third larger than the message they make. */
const BODY_LIMIT = Math.ceil(MAX_MAIL_BYTES * 1.4);

/** The listener's answer, or 502 when it could not be reached at all. */
async function answerDelivery(
  request: FastifyRequest,
  reply: FastifyReply,
  messageId: string | null,
  delivery: () => Promise<MailboxEntry>,
) {
  try {
    const entry = await delivery();
    return { messageId, accepted: entry.delivery!.accepted, response: entry.delivery!.response };
  } catch (error) {
    if (!(error instanceof MailUnreachableError)) throw error;
    return reply.status(502).send({
      messageId,
      accepted: false,
      response: null,
      error: { code: 'switchboard_unreachable', message: error.message, requestId: request.id },
    });
  }
}

/** What a customer does with mail: write to the business, reply from a client, send raw MIME. */
export function registerMailCustomerRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.post('/sandbox/mail/send', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const input = sendMailSchema.parse(request.body);
    const messageId = newMessageId(domainOf(input.from));
    const raw = await composeMail({
      from: { address: input.from, name: input.fromName ?? null },
      to: [{ address: input.to, name: null }],
      subject: input.subject,
      text: input.text,
      html: input.html,
      messageId,
      inReplyTo: input.inReplyTo && bracketed(input.inReplyTo),
      references: input.references?.map(bracketed),
      headers: input.headers,
      attachments: input.attachments.map((attachment) => ({
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        content: Buffer.from(attachment.dataBase64, 'base64'),
      })),
    });
    const envelope = { from: input.from, to: [input.to] };
    return answerDelivery(request, reply, messageId, () =>
      deliverToSwitchboard(context, input.from, envelope, raw),
    );
  });

  app.post('/sandbox/mail/reply', async (request, reply) => {
    const input = replyMailSchema.parse(request.body);
    const original = context.mail.store.received(input.from, bracketed(input.messageId));
    if (!original) {
      throw new SandboxRequestError(
        404,
        'not_found',
        `${input.from} has not received a message ${bracketed(input.messageId)}`,
      );
    }
    // Replies go where the business asked (Reply-To carries Switchboard's token), else to From.
    const target = original.mail.replyTo ?? original.mail.from;
    if (!target) {
      throw new SandboxRequestError(422, 'no_reply_address', 'The message names no sender');
    }
    const from = { address: input.from, name: input.fromName ?? null };
    const written = clientReply(input.client, { original: original.mail, from, text: input.text });
    const raw = await composeMail({ ...written, from, to: [target] });
    const envelope = { from: input.from, to: [target.address] };
    return answerDelivery(request, reply, written.messageId, () =>
      deliverToSwitchboard(context, input.from, envelope, raw),
    );
  });

  app.post('/sandbox/mail/raw', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const input = rawMailSchema.parse(request.body);
    const raw = Buffer.from(input.dataBase64, 'base64');
    if (raw.length > MAX_MAIL_BYTES) {
      throw new SandboxRequestError(413, 'too_large', `Mail larger than ${MAX_MAIL_BYTES} bytes`);
    }
    const parsed = await parseMail(raw, { from: '', to: [input.to] });
    const sender = input.from ?? parsed.from?.address ?? '';
    return answerDelivery(request, reply, parsed.messageId, () =>
      deliverToSwitchboard(context, sender, { from: sender, to: [input.to] }, raw),
    );
  });
}
