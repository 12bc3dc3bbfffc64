import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A web chat visitor's credential, kept in their browser: it names the inbox and the visitor
 * and is signed with the server's secret, so it cannot be forged or moved to another inbox.
 * Whoever holds it continues that visitor's conversations; there is nothing else to steal.
 * Format: `v1.<inboxId>.<visitorId>.<signature>` (signature: HMAC-SHA256, base64url).
 */
export interface VisitorToken {
  inboxId: string;
  visitorId: string;
}

const VERSION = 'v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VISITOR = /^[0-9a-f]{32}$/;

export const newVisitorId = () => randomBytes(16).toString('hex');

function signature(secretKey: string, inboxId: string, visitorId: string): string {
  return createHmac('sha256', secretKey)
    .update(`webchat-visitor:${VERSION}.${inboxId}.${visitorId}`)
    .digest('base64url');
}

export function signVisitorToken(secretKey: string, token: VisitorToken): string {
  return `${VERSION}.${token.inboxId}.${token.visitorId}.${signature(secretKey, token.inboxId, token.visitorId)}`;
}

/** The token's inbox and visitor when it is well formed and signed by us, else null. */
export function verifyVisitorToken(secretKey: string, raw: string): VisitorToken | null {
  const [version, inboxId, visitorId, given, ...rest] = raw.split('.');
  if (version !== VERSION || rest.length || !inboxId || !visitorId || !given) return null;
  if (!UUID.test(inboxId) || !VISITOR.test(visitorId)) return null;
  const expected = Buffer.from(signature(secretKey, inboxId, visitorId));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { inboxId, visitorId };
}
