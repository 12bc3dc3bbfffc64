import { createHmac } from 'node:crypto';
import type { MetaNumber } from '../options';
import { WEBHOOK_TIMEOUT_MS, type WebhookResponse } from '../outbound-http';
import { waId } from './ids';

/** X-Hub-Signature-256: `sha256=` and the HMAC-SHA256 of the raw body with the app secret, hex. */
export function metaSignature256(appSecret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}

/** The older SHA-1 header Meta still sends beside the SHA-256 one. */
function metaSignature1(appSecret: string, rawBody: string): string {
  return `sha1=${createHmac('sha1', appSecret).update(rawBody, 'utf8').digest('hex')}`;
}

/** Meta's change envelope: one WABA entry holding one `messages` change. */
export function webhookEnvelope(number: MetaNumber, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: waId(number.displayPhoneNumber),
                phone_number_id: number.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/**
 * Posts a webhook body to the number's callback URL as Meta does: JSON, signed with the
 * app secret over the exact bytes sent. The body is passed as text so a retry resends the
 * same bytes, and so the same signature.
 */
export async function postMetaWebhook(
  number: MetaNumber,
  rawBody: string,
  signal: AbortSignal,
): Promise<WebhookResponse> {
  const response = await fetch(number.webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: '*/*',
      'user-agent': 'facebookexternalua',
      'x-hub-signature': metaSignature1(number.appSecret, rawBody),
      'x-hub-signature-256': metaSignature256(number.appSecret, rawBody),
    },
    body: rawBody,
    redirect: 'manual',
    signal: AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}
