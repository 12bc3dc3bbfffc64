import { bareAddress, isWhatsApp, type SandboxStore, type StoredMessage } from '../store';
import { countryOf } from './geo';
import { API_VERSION } from './message-resource';
import type { FormParams } from './webhooks';

const mediaTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  amr: 'audio/amr',
  mp4: 'video/mp4',
  vcf: 'text/vcard',
  txt: 'text/plain',
};

/** Twilio reports the type it stored the media as; the sandbox infers it from the file name. */
export function mediaContentType(url: string): string {
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return mediaTypes[extension] ?? 'application/octet-stream';
}

/** WhatsApp's kind of message, as Twilio reports it in MessageType. */
function whatsAppMessageType(message: StoredMessage): string {
  const first = message.mediaUrls[0];
  if (!first) return 'text';
  const contentType = mediaContentType(first);
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.startsWith('video/')) return 'video';
  return 'document';
}

/**
 * Twilio's WhatsApp webhook differs from the SMS one: no geography, but the sender's profile
 * name and WhatsApp id, the message type, and the message replied to when the customer quoted one.
 */
function whatsAppWebhookParams(message: StoredMessage, store: SandboxStore): FormParams {
  const from = message.from ?? '';
  const params: FormParams = {};
  message.mediaUrls.forEach((url, index) => {
    params[`MediaContentType${index}`] = mediaContentType(url);
  });
  Object.assign(params, {
    SmsMessageSid: message.sid,
    NumMedia: String(message.mediaUrls.length),
    ProfileName: message.profileName ?? bareAddress(from).slice(1),
    MessageType: whatsAppMessageType(message),
    SmsSid: message.sid,
    WaId: bareAddress(from).slice(1),
    SmsStatus: 'received',
    Body: message.body,
    To: message.to,
    NumSegments: String(message.numSegments),
    ReferralNumMedia: '0',
    MessageSid: message.sid,
    AccountSid: message.accountSid,
    From: from,
  });
  const replied = message.repliedMessageSid ? store.message(message.repliedMessageSid) : undefined;
  if (replied) {
    params.OriginalRepliedMessageSender = replied.from ?? '';
    params.OriginalRepliedMessageSid = replied.sid;
  }
  message.mediaUrls.forEach((url, index) => {
    params[`MediaUrl${index}`] = url;
  });
  params.ApiVersion = API_VERSION;
  return params;
}

/**
 * The form fields of Twilio's incoming-message webhook, in the order Twilio sends them.
 * Geographic fields Twilio cannot resolve are sent empty rather than left out.
 */
export function inboundWebhookParams(message: StoredMessage, store: SandboxStore): FormParams {
  if (isWhatsApp(message.to)) return whatsAppWebhookParams(message, store);
  const from = message.from ?? '';
  const params: FormParams = {
    ToCountry: countryOf(message.to),
    ToState: '',
    SmsMessageSid: message.sid,
    NumMedia: String(message.mediaUrls.length),
    ToCity: '',
    FromZip: '',
    SmsSid: message.sid,
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: message.body,
    FromCountry: countryOf(from),
    To: message.to,
    ToZip: '',
    NumSegments: String(message.numSegments),
    MessageSid: message.sid,
    AccountSid: message.accountSid,
    From: from,
  };
  message.mediaUrls.forEach((url, index) => {
    params[`MediaContentType${index}`] = mediaContentType(url);
    params[`MediaUrl${index}`] = url;
  });
  params.ApiVersion = API_VERSION;
  return params;
}
