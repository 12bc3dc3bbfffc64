import type { StoredMessage } from '../store';

export const API_VERSION = '2010-04-01';

/** Twilio writes dates as RFC 2822 in GMT, e.g. `Thu, 24 Aug 2023 05:01:45 +0000`. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function messageUri(accountSid: string, sid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;
}

/** The Message resource (schema `api.v2010.account.message`) exactly as Twilio renders it. */
export interface MessageResource {
  account_sid: string;
  api_version: string;
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: StoredMessage['direction'];
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  sid: string;
  status: StoredMessage['status'];
  subresource_uris: { media: string; feedback: string };
  to: string;
  uri: string;
}

export function toMessageResource(message: StoredMessage): MessageResource {
  const base = `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}`;
  return {
    account_sid: message.accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: rfc2822(message.dateCreated),
    date_sent: message.dateSent ? rfc2822(message.dateSent) : null,
    date_updated: rfc2822(message.dateUpdated),
    direction: message.direction,
    error_code: message.errorCode,
    error_message: message.errorMessage,
    from: message.from,
    messaging_service_sid: message.messagingServiceSid,
    // Twilio renders these counts as strings.
    num_media: String(message.mediaUrls.length),
    num_segments: String(message.numSegments),
    // The sandbox bills nothing, and Twilio leaves price null until its billing catches up.
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `${base}/Media.json`, feedback: `${base}/Feedback.json` },
    to: message.to,
    uri: `${base}.json`,
  };
}
