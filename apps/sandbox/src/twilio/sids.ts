import { createHash, randomBytes } from 'node:crypto';

/** Twilio SIDs: a two-letter type prefix and 32 lower-case hex digits. */
export function newSid(prefix: 'SM' | 'MM'): string {
  return prefix + randomBytes(16).toString('hex');
}

/**
 * Twilio gives every message a messaging_service_sid, a per-account default when the
 * caller names none; deriving it from the account keeps it stable across messages.
 */
export function defaultMessagingServiceSid(accountSid: string): string {
  return 'MG' + createHash('sha256').update(accountSid).digest('hex').slice(0, 32);
}
