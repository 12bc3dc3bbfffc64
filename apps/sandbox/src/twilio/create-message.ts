import type { SandboxContext } from '../context';
import type { TwilioAccount } from '../options';
import { bareAddress, isWhatsApp, type StoredMessage } from '../store';
import { renderContent } from './content-store';
import { twilioErrors } from './errors';
import { newMessage } from './new-message';

/** A form body as @fastify/formbody parses it: repeated keys (MediaUrl) become arrays. */
export type FormBody = Record<string, string | string[] | undefined>;

function single(form: FormBody, name: string): string | undefined {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? undefined : first.trim();
}

function many(form: FormBody, name: string): string[] {
  const value = form[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

const e164 = /^\+[1-9]\d{6,14}$/;
const shortCode = /^\d{5,6}$/;
const alphanumericSender = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
const messagingServiceSid = /^MG[0-9a-fA-F]{32}$/;
const contentSidPattern = /^HX[0-9a-fA-F]{32}$/;
const MAX_BODY_LENGTH = 1600;

function isPhoneAddress(address: string): boolean {
  return e164.test(bareAddress(address));
}

function isValidStatusCallback(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

/** ContentVariables is a JSON object of placeholder → text; Twilio refuses anything else. */
function contentVariables(raw: string | undefined): Record<string, string> {
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw twilioErrors.invalidContentVariables();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw twilioErrors.invalidContentVariables();
  }
  return Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).map(([key, value]) => {
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw twilioErrors.invalidContentVariables();
      }
      return [key, String(value)];
    }),
  );
}

/**
 * Validates a create-Message request the way Twilio does (same checks, same order, same
 * codes) and returns the message it would queue.
 */
export function createOutboundMessage(
  context: SandboxContext,
  account: TwilioAccount,
  form: FormBody,
): StoredMessage {
  const { store, windows } = context;
  const to = single(form, 'To');
  const from = single(form, 'From');
  const serviceSid = single(form, 'MessagingServiceSid');
  // The body is sent as written: Twilio does not trim it.
  const body = (Array.isArray(form.Body) ? form.Body[0] : form.Body) ?? '';
  const mediaUrls = many(form, 'MediaUrl');
  const contentSid = single(form, 'ContentSid');
  const statusCallback = single(form, 'StatusCallback');

  if (!to) throw twilioErrors.toRequired();
  if (!from && !serviceSid) throw twilioErrors.fromRequired();
  if (body === '' && mediaUrls.length === 0 && !contentSid) throw twilioErrors.bodyRequired();
  if (!isPhoneAddress(to)) throw twilioErrors.invalidTo(to);
  if (serviceSid && !messagingServiceSid.test(serviceSid)) {
    throw twilioErrors.invalidMessagingService(serviceSid);
  }
  if (from) {
    if (!isPhoneAddress(from) && !shortCode.test(from) && !alphanumericSender.test(from)) {
      throw twilioErrors.invalidFrom(from);
    }
    const owner = store.number(from);
    if (owner?.accountSid !== account.accountSid) throw twilioErrors.fromNotOwned(from);
    if (bareAddress(from) === bareAddress(to)) throw twilioErrors.sameToAndFrom(to);
    if (isWhatsApp(from) !== isWhatsApp(to)) throw twilioErrors.channelMismatch();
  } else if (serviceSid && store.numbersOf(account.accountSid).length === 0) {
    throw twilioErrors.serviceWithoutSenders(serviceSid);
  }
  if (body.length > MAX_BODY_LENGTH) throw twilioErrors.bodyTooLong();
  if (statusCallback && !isValidStatusCallback(statusCallback)) {
    throw twilioErrors.invalidStatusCallback(statusCallback);
  }

  // With a ContentSid the message is the template, rendered; any Body is ignored.
  let sentBody = body;
  if (contentSid) {
    const content = contentSidPattern.test(contentSid)
      ? context.content.content(account.accountSid, contentSid)
      : undefined;
    if (!content) throw twilioErrors.invalidContentSid();
    sentBody = renderContent(content, contentVariables(single(form, 'ContentVariables')));
  }
  // WhatsApp allows free-form messages only within 24 hours of the customer's last one;
  // Twilio accepts the request and then fails the message with 63016.
  const outsideWindow =
    from !== undefined &&
    isWhatsApp(to) &&
    !contentSid &&
    !windows.isOpen(bareAddress(to), bareAddress(from));

  // A Messaging Service without a From is `accepted` until it picks a sender; Twilio then
  // reports no sender and 0 segments yet.
  const pendingSender = !from;
  return newMessage({
    accountSid: account.accountSid,
    direction: 'outbound-api',
    from: from ?? null,
    to,
    body: sentBody,
    mediaUrls,
    contentSid: contentSid ?? null,
    pendingErrorCode: outsideWindow ? 63016 : null,
    status: pendingSender ? 'accepted' : 'queued',
    statusCallback: statusCallback ?? null,
    ...(serviceSid ? { messagingServiceSid: serviceSid, viaMessagingService: true } : {}),
    ...(pendingSender ? { numSegments: 0, dateSent: null } : {}),
  });
}
