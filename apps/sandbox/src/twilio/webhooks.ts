import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import { WEBHOOK_TIMEOUT_MS, type WebhookResponse } from '../outbound-http';

export { describeFailure, type WebhookResponse } from '../outbound-http';

export type FormParams = Record<string, string>;

/** X-Twilio-Signature: HMAC-SHA1 over the exact URL plus the sorted form fields, base64. */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** Posts form fields to an app the way Twilio's webhook proxy does, signed with the account's token. */
export async function postTwilioWebhook(
  url: string,
  params: FormParams,
  authToken: string,
  signal: AbortSignal,
): Promise<WebhookResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: '*/*',
      'user-agent': 'TwilioProxy/1.1',
      'x-twilio-signature': twilioSignature(authToken, url, params),
      // Twilio sends one per request so that apps can spot its own retries.
      'i-twilio-idempotency-token': randomUUID(),
    },
    body: new URLSearchParams(params).toString(),
    redirect: 'manual',
    signal: AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}
