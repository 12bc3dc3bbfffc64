import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { InboxConnection, RawRequest, VerifyResult } from '../types';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** Meta signs the raw body with the app secret: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>`. */
export function verifyCloudSignature(
  request: RawRequest,
  connection: InboxConnection,
): VerifyResult {
  const header = request.headers['x-hub-signature-256'];
  if (!header) return { ok: false, reason: 'missing X-Hub-Signature-256' };
  const appSecret = connection.credentials.appSecret;
  if (!appSecret) return { ok: false, reason: 'inbox has no app secret' };
  const match = SIGNATURE.exec(header.trim());
  if (!match) return { ok: false, reason: 'malformed X-Hub-Signature-256' };
  const given = Buffer.from(match[1]!, 'hex');
  const expected = createHmac('sha256', appSecret).update(request.body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, reason: 'bad X-Hub-Signature-256' };
}

/**
 * The GET handshake Meta makes when the webhook URL is saved: answer `hub.challenge` only when
 * `hub.verify_token` is the one configured for this inbox.
 */
export function verifySubscription(
  query: Record<string, string | undefined>,
  connection: InboxConnection,
): { ok: true; challenge: string } | { ok: false } {
  const expected = connection.credentials.verifyToken;
  const given = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (query['hub.mode'] !== 'subscribe' || !expected || !given || !challenge) return { ok: false };
  return sameSecret(given, expected) ? { ok: true, challenge } : { ok: false };
}

/** Compares digests so the comparison takes the same time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
