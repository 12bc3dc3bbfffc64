import { createHash } from 'node:crypto';
import type { SandboxContext } from '../context';
import { CUSTOMER_SERVICE_WINDOW_MS } from '../customer-windows';
import { describeFailure, fetchMedia, MediaFetchError } from '../outbound-http';
import { waId } from './ids';
import { storeMediaBytes } from './media-files';
import type { MetaMessage, MetaMessageStatus, StatusError } from './store';
import { postMetaWebhook, webhookEnvelope } from './webhooks';

const ERROR_CODES_HREF =
  'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

export function statusError(code: number, title: string, details: string): StatusError {
  return { code, title, message: title, error_data: { details }, href: ERROR_CODES_HREF };
}

export const reengagementError = () =>
  statusError(
    131047,
    'Re-engagement message',
    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  );

const unixSeconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

/**
 * Meta bills per conversation: a 24-hour window per customer and category, opened by the
 * first message. Its id is stable inside the window, so the sandbox derives it from one.
 */
function conversationOf(message: MetaMessage, category: string) {
  const windowIndex = Math.floor(message.createdAt.getTime() / CUSTOMER_SERVICE_WINDOW_MS);
  const id = createHash('sha256')
    .update(`${message.phoneNumberId}|${message.customer}|${category}|${windowIndex}`)
    .digest('hex')
    .slice(0, 32);
  return { id, expiresAt: new Date((windowIndex + 1) * CUSTOMER_SERVICE_WINDOW_MS) };
}

/** One entry of `value.statuses`: conversation and pricing ride on sent / delivered, errors on failed. */
export function statusObject(message: MetaMessage, status: MetaMessageStatus, at: Date) {
  const entry: Record<string, unknown> = {
    id: message.id,
    status,
    timestamp: unixSeconds(at),
    recipient_id: waId(message.customer),
  };
  if (status === 'sent' || status === 'delivered') {
    const category = message.template?.category.toLowerCase() ?? 'service';
    const conversation = conversationOf(message, category);
    entry.conversation = {
      id: conversation.id,
      ...(status === 'sent' ? { expiration_timestamp: unixSeconds(conversation.expiresAt) } : {}),
      origin: { type: category },
    };
    // Service conversations (the customer wrote first) have been free since November 2024.
    entry.pricing = { billable: category !== 'service', pricing_model: 'CBP', category };
  }
  if (status === 'failed') entry.errors = message.errors;
  return entry;
}

async function postStatus(context: SandboxContext, message: MetaMessage): Promise<void> {
  const { meta, background, log } = context;
  const number = meta.store.number(message.phoneNumberId);
  if (!number) return;
  const body = JSON.stringify(
    webhookEnvelope(number, {
      statuses: [statusObject(message, message.status, message.updatedAt)],
    }),
  );
  try {
    const answer = await postMetaWebhook(number, body, background.signal);
    log.info(`WhatsApp status ${message.id} ${message.status}: app answered ${answer.status}`);
  } catch (error) {
    if (background.closed) return;
    // Meta retries failed webhooks for days; the sandbox reports once and moves on.
    log.warn(
      `WhatsApp status ${message.id} (${message.status}) could not be posted: ${describeFailure(error)}`,
    );
  }
}

function setStatus(
  context: SandboxContext,
  id: string,
  status: MetaMessageStatus,
  change: Partial<MetaMessage> = {},
): MetaMessage | undefined {
  return context.meta.store.updateMessage(id, { ...change, status }, context.clock.now());
}

/** Meta fetches a `link` when it sends; a link it cannot download fails the message (131053). */
async function fetchLinkedMedia(context: SandboxContext, message: MetaMessage): Promise<boolean> {
  const media = message.media;
  if (!media?.link || media.id) return true;
  try {
    const file = await fetchMedia(media.link, context.background.signal);
    const stored = storeMediaBytes(context.meta.store, message.phoneNumberId, {
      mimeType: file.contentType,
      data: file.data,
      filename: media.filename,
    });
    media.id = stored.id;
    media.mimeType = stored.mimeType;
    return true;
  } catch (error) {
    if (context.background.closed) return false;
    const reason = error instanceof MediaFetchError ? error.message : describeFailure(error);
    const failed = setStatus(context, message.id, 'failed', {
      errors: [
        statusError(
          131053,
          'Media upload error',
          `Downloading media from weblink failed with ${reason}`,
        ),
      ],
    });
    if (failed) await postStatus(context, failed);
    return false;
  }
}

/**
 * Moves a message the app sent through Meta's statuses, `statusDelayMs` apart, posting a
 * signed status webhook for each: sent → delivered (→ read once the customer reads it), or
 * failed with the reason Meta would give. Each webhook is awaited before the next, so the
 * app sees them in Meta's order.
 */
export function deliverMetaMessage(
  context: SandboxContext,
  id: string,
  failure: StatusError | undefined,
): void {
  const { meta, background, statusDelayMs } = context;
  meta.delivering.add(id);
  background.run(`WhatsApp delivery of ${id}`, async () => {
    try {
      if (!(await background.sleep(statusDelayMs))) return;
      const message = meta.store.message(id);
      if (!message) return;
      if (failure) {
        const failed = setStatus(context, id, 'failed', { errors: [failure] });
        if (failed) await postStatus(context, failed);
        return;
      }
      if (!(await fetchLinkedMedia(context, message))) return;
      for (const status of ['sent', 'delivered'] as const) {
        if (status === 'delivered' && !(await background.sleep(statusDelayMs))) return;
        const current = setStatus(context, id, status);
        if (!current) return;
        await postStatus(context, current);
      }
      if (meta.store.message(id)?.readRequested) {
        const read = setStatus(context, id, 'read');
        if (read) await postStatus(context, read);
      }
    } finally {
      meta.delivering.delete(id);
    }
  });
}

/**
 * The customer opened the chat: every business message they can see turns `read` (Meta
 * reports each one). Messages still on their way turn read right after `delivered`.
 */
export function markReadByCustomer(
  context: SandboxContext,
  phoneNumberId: string,
  customer: string,
): string[] {
  const { meta, background } = context;
  const read: string[] = [];
  for (const message of meta.store.conversation(phoneNumberId, customer)) {
    if (message.author !== 'business' || message.type === 'reaction') continue;
    if (message.status === 'read' || message.status === 'failed') continue;
    if (meta.delivering.has(message.id)) {
      message.readRequested = true;
      read.push(message.id);
    } else if (message.status === 'delivered') {
      const updated = setStatus(context, message.id, 'read');
      if (updated)
        background.run(`WhatsApp read of ${message.id}`, () => postStatus(context, updated));
      read.push(message.id);
    }
  }
  return read;
}
