/** What the widget reads from, and tidies in, the shop's page address. */

const RESUME = /(?:^|&)sb-chat=([^&]*)/;

/**
 * The resume token of a follow-up link (`…#sb-chat=<token>`, sent with replies by email or SMS),
 * taken out of the address bar at once so it is not bookmarked or shared by accident. Only the
 * API's exchange (POST /{inboxId}/resume) turns it into a visitor; a token naming another inbox
 * (`r1.<inboxId>.…`) is not this chat's and is dropped here.
 */
export function takeResumeToken(inboxId: string): string | null {
  const hash = location.hash.slice(1);
  const token = RESUME.exec(hash)?.[1];
  if (token === undefined) return null;
  const rest = hash
    .split('&')
    .filter((part) => !part.startsWith('sb-chat='))
    .join('&');
  try {
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
    );
  } catch {
    // A sandboxed frame may refuse: the link stays visible, and still works.
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    return null;
  }
  return decoded.split('.')[1] === inboxId ? decoded : null;
}

/** The page the visitor writes from, for the agent and for the link back; within the API's limits. */
export function currentPageUrl(): string | undefined {
  const url = location.href.split('#')[0] ?? '';
  return /^https?:\/\//.test(url) && url.length <= 2000 ? url : undefined;
}

/** A random uuid, also on plain-http shops where `crypto.randomUUID` does not exist. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
