import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { authenticateForNumber } from './auth';
import { deliverMetaMessage, reengagementError } from './delivery';
import { metaErrors } from './errors';
import { waId, wamid } from './ids';
import { GRAPH_VERSION } from './routes';
import { readSendRequest } from './send-request';
import type { MetaMessage } from './store';

interface NumberParams {
  version: string;
  phoneNumberId: string;
}

const isReadReceipt = (body: unknown): body is Record<string, unknown> =>
  typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'read';

/** `POST /{version}/{phone-number-id}/messages`: send a message, or mark a customer's message read. */
export function registerMetaMessagesApi(app: FastifyInstance, context: SandboxContext): void {
  const { meta, windows, clock } = context;

  app.post<{ Params: NumberParams }>(`${GRAPH_VERSION}/:phoneNumberId/messages`, (request) => {
    const number = authenticateForNumber(meta.store, request, request.params.phoneNumberId);

    if (isReadReceipt(request.body)) {
      const messageId = request.body.message_id;
      if (typeof messageId !== 'string' || messageId === '') {
        throw metaErrors.requiredParameter('message_id');
      }
      const target = meta.store.message(messageId);
      if (target?.author !== 'customer' || target.phoneNumberId !== number.phoneNumberId) {
        throw metaErrors.invalidParameter(`Invalid message_id: ${messageId}`);
      }
      // Marking one message read marks every earlier one in the chat read too.
      const now = clock.now();
      for (const message of meta.store.conversation(number.phoneNumberId, target.customer)) {
        if (message.author === 'customer' && message.createdAt <= target.createdAt) {
          meta.store.updateMessage(message.id, { status: 'read' }, now);
        }
      }
      return { success: true };
    }

    // Armed faults stand in for Meta refusing an otherwise good request (rate limits, outages).
    const fault = meta.faults.take();
    if (fault) throw fault;
    const draft = readSendRequest(request.body, number, meta.store);
    const now = clock.now();
    const message: MetaMessage = {
      id: wamid(waId(draft.customer), 'outbound'),
      author: 'business',
      phoneNumberId: number.phoneNumberId,
      customer: draft.customer,
      type: draft.type,
      text: draft.text,
      media: draft.media,
      location: draft.location,
      template: draft.template,
      reaction: draft.reaction,
      buttons: draft.buttons,
      contextId: draft.contextId,
      status: 'accepted',
      errors: [],
      readRequested: false,
      request: request.body as Record<string, unknown>,
      webhookBody: null,
      webhookStatus: null,
      createdAt: now,
      updatedAt: now,
    };
    meta.store.addMessage(message);
    // Outside the 24-hour window only templates go out; Meta still accepts the call and
    // reports the refusal in a `failed` status webhook.
    const outsideWindow =
      draft.type !== 'template' && !windows.isOpen(draft.customer, number.displayPhoneNumber);
    deliverMetaMessage(context, message.id, outsideWindow ? reengagementError() : undefined);
    return {
      messaging_product: 'whatsapp',
      contacts: [{ input: draft.input, wa_id: waId(draft.customer) }],
      messages: [
        { id: message.id, ...(draft.type === 'template' ? { message_status: 'accepted' } : {}) },
      ],
    };
  });
}
