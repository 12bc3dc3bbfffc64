import { createHash } from 'node:crypto';
import type { SandboxContext } from '../context';
import { fetchMedia } from '../outbound-http';
import { bareAddress, isWhatsApp, type MessageStatus, type StoredMessage } from '../store';
import { failedBeforeSending, twilioErrorMessage } from './errors';
import { phoneMediaPath } from './media';
import { API_VERSION } from './message-resource';
import { countSegments } from './segments';
import { describeFailure, postTwilioWebhook, type FormParams } from './webhooks';

interface Step {
  status: MessageStatus;
  errorCode?: number;
}

/** The statuses a message passes through after `queued`, decided by the error it is bound to end with. */
function stepsFor(failCode: number | undefined): Step[] {
  if (failCode === undefined) return [{ status: 'sent' }, { status: 'delivered' }];
  if (failedBeforeSending.has(failCode)) return [{ status: 'failed', errorCode: failCode }];
  return [{ status: 'sent' }, { status: 'undelivered', errorCode: failCode }];
}

/** Twilio's RawDlrDoneDate: the carrier receipt time as YYMMDDhhmm (UTC). */
function rawDlrDoneDate(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(2, 12);
}

/** Twilio's WhatsApp channel installation for an account: stable, like the real one. */
const channelInstallSid = (accountSid: string) =>
  `XE${createHash('sha256').update(`whatsapp|${accountSid}`).digest('hex').slice(0, 32)}`;

function statusCallbackParams(message: StoredMessage): FormParams {
  const params: FormParams = {
    SmsSid: message.sid,
    SmsStatus: message.status,
    MessageStatus: message.status,
    To: message.to,
    MessageSid: message.sid,
    AccountSid: message.accountSid,
    From: message.from ?? '',
    ApiVersion: API_VERSION,
  };
  if (message.viaMessagingService) params.MessagingServiceSid = message.messagingServiceSid;
  if (message.errorCode !== null) params.ErrorCode = String(message.errorCode);
  if (message.status === 'delivered' || message.status === 'undelivered') {
    params.RawDlrDoneDate = rawDlrDoneDate(message.dateUpdated);
  }
  // WhatsApp callbacks name the channel the message went through.
  if (isWhatsApp(message.to)) {
    params.ChannelPrefix = 'whatsapp';
    params.ChannelInstallSid = channelInstallSid(message.accountSid);
    params.ChannelToAddress = bareAddress(message.to);
    params.StructuredMessage = 'false';
  }
  return params;
}

async function postStatusCallback(context: SandboxContext, message: StoredMessage): Promise<void> {
  const { store, background, log } = context;
  if (!message.statusCallback) return;
  const account = store.account(message.accountSid);
  if (!account) return;
  try {
    const answer = await postTwilioWebhook(
      message.statusCallback,
      statusCallbackParams(message),
      account.authToken,
      background.signal,
    );
    log.info(`status callback ${message.sid} ${message.status}: app answered ${answer.status}`);
  } catch (error) {
    if (background.closed) return;
    // Twilio does not retry status callbacks either; the app reconciles by fetching.
    log.warn(
      `status callback ${message.sid} (${message.status}) could not be posted: ${describeFailure(error)}`,
    );
  }
}

/**
 * Twilio downloads every MediaUrl before sending; one it cannot fetch fails the message
 * (63019 on WhatsApp, 11200 otherwise). The copies let the customer's phone page show them.
 */
async function fetchOutboundMedia(
  context: SandboxContext,
  message: StoredMessage,
): Promise<number | undefined> {
  const copies: string[] = [];
  for (const url of message.mediaUrls) {
    try {
      const file = await fetchMedia(url, context.background.signal);
      copies.push(phoneMediaPath(context.media.keep(message.accountSid, file)));
    } catch (error) {
      if (!context.background.closed) {
        context.log.warn(
          `media ${url} of ${message.sid} could not be fetched: ${describeFailure(error)}`,
        );
      }
      return isWhatsApp(message.to) ? 63019 : 11200;
    }
  }
  context.store.updateMessage(message.sid, { mediaCopies: copies });
  return undefined;
}

/**
 * Moves an accepted message through sent → delivered (or undelivered / failed for the
 * configured fail numbers, closed WhatsApp windows and unreachable media), `statusDelayMs`
 * apart, posting each change to its StatusCallback. Each callback is awaited before the next
 * delay, so an app sees them in Twilio's order.
 */
export function deliverOutbound(context: SandboxContext, sid: string): void {
  const { store, background, statusDelayMs, twilioDelivering } = context;
  twilioDelivering.add(sid);
  background.run(`delivery of ${sid}`, async () => {
    try {
      const first = store.message(sid);
      if (!first) return;
      const failCode =
        first.pendingErrorCode ??
        store.failCodeFor(first.to) ??
        (first.mediaUrls.length > 0 ? await fetchOutboundMedia(context, first) : undefined);
      for (const step of stepsFor(failCode)) {
        if (!(await background.sleep(statusDelayMs))) return;
        const current = store.message(sid);
        if (!current) return;
        const message = store.updateMessage(sid, {
          status: step.status,
          // A Messaging Service picks its sender (and so the encoding) when the message leaves the queue.
          ...(current.from === null
            ? {
                from: store.numbersOf(current.accountSid)[0]?.number ?? null,
                numSegments: countSegments(current.body),
              }
            : {}),
          ...(step.status === 'sent' ? { dateSent: new Date() } : {}),
          ...(step.errorCode === undefined
            ? {}
            : { errorCode: step.errorCode, errorMessage: twilioErrorMessage(step.errorCode) }),
        });
        if (message) await postStatusCallback(context, message);
      }
    } finally {
      twilioDelivering.delete(sid);
    }
  });
}

/**
 * The customer read the chat on WhatsApp: delivered messages turn `read` with a callback, as
 * Twilio reports WhatsApp read receipts. Messages still on their way are left for the next read.
 */
export function markTwilioWhatsAppRead(
  context: SandboxContext,
  customer: string,
  business: string,
): string[] {
  const { store, background, twilioDelivering } = context;
  const read: string[] = [];
  for (const message of store.allMessages()) {
    if (message.direction === 'inbound' || !isWhatsApp(message.to)) continue;
    if (bareAddress(message.to) !== bareAddress(customer)) continue;
    if (message.from === null || bareAddress(message.from) !== bareAddress(business)) continue;
    if (message.status !== 'delivered' || twilioDelivering.has(message.sid)) continue;
    const updated = store.updateMessage(message.sid, { status: 'read' });
    if (updated)
      background.run(`read receipt of ${message.sid}`, () => postStatusCallback(context, updated));
    read.push(message.sid);
  }
  return read;
}
