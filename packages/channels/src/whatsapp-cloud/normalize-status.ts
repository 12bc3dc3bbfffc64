import type { DeliveryStatus, EventPayload, InboundEvent } from '../types';
import { explainMetaError } from './errors';
import { asObject, asObjects, asText } from './read-json';

const statusMap: Record<string, DeliveryStatus | undefined> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

/**
 * One status of a message we sent, as split from a webhook: `{ status, metadata }`. `deleted`,
 * `warning` and `played` say nothing about delivery and are dropped.
 */
export function normalizeCloudStatus(payload: EventPayload): InboundEvent[] {
  const status = asObject(payload.status);
  const id = asText(status?.id);
  const name = asText(status?.status) ?? '';
  // Own keys only: a status called "constructor" must not read Object's.
  const state = Object.hasOwn(statusMap, name) ? statusMap[name] : undefined;
  if (!id || !state) return [];
  if (state !== 'failed') return [{ type: 'status', providerMessageId: id, status: state }];
  const error = asObjects(status?.errors)[0];
  const code = asText(error?.code);
  const providerText =
    asText(asObject(error?.error_data)?.details) || asText(error?.message) || asText(error?.title);
  return [
    {
      type: 'status',
      providerMessageId: id,
      status: 'failed',
      ...(code ? { errorCode: code } : {}),
      errorMessage: explainMetaError(code, providerText),
    },
  ];
}
