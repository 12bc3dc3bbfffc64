import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The credential in the link of an email or SMS follow-up: it names the inbox, the visitor and
 * the conversation, expires, and is only ever minted by us, so a link cannot carry a token an
 * attacker made for themselves. The widget exchanges it for the visitor token
 * (POST /webchat/{inboxId}/resume). Format: `r1.<inboxId>.<visitorId>.<conversationId>.<expires>.<sig>`.
 */
export interface ResumeToken {
  inboxId: string;
  visitorId: string;
  conversationId: string;
}

const VERSION = 'r1';
const RESUME_TTL_SECONDS = 30 * 24 * 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VISITOR = /^[0-9a-f]{32}$/;

function signature(secretKey: string, body: string): string {
  return createHmac('sha256', secretKey).update(`webchat-resume:${body}`).digest('base64url');
}

export function signResumeToken(secretKey: string, token: ResumeToken, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + RESUME_TTL_SECONDS;
  const body = `${VERSION}.${token.inboxId}.${token.visitorId}.${token.conversationId}.${expires}`;
  return `${body}.${signature(secretKey, body)}`;
}

/** The token's parts when it is well formed, signed by us and not expired; else null. */
export function verifyResumeToken(
  secretKey: string,
  raw: string,
  now = Date.now(),
): ResumeToken | null {
  const parts = raw.split('.');
  if (parts.length !== 6) return null;
  const [version, inboxId, visitorId, conversationId, expires, given] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (version !== VERSION || !UUID.test(inboxId) || !VISITOR.test(visitorId)) return null;
  if (!UUID.test(conversationId) || !/^\d{1,12}$/.test(expires)) return null;
  if (Number(expires) * 1000 < now) return null;
  const expected = Buffer.from(signature(secretKey, parts.slice(0, 5).join('.')));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { inboxId, visitorId, conversationId };
}
