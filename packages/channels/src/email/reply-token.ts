/**
 * Reads `local+token@domain`, the sub-address a reply is sent to. Everything is lower-cased:
 * mail servers treat addresses case-insensitively in practice, and tokens are issued in lower
 * case. The first `+` starts the token.
 */
export function replyToken(address: string): {
  local: string;
  token: string | null;
  domain: string;
} {
  const normalized = address.trim().toLowerCase().replace(/^<|>$/g, '');
  const at = normalized.lastIndexOf('@');
  const localPart = at >= 0 ? normalized.slice(0, at) : normalized;
  const domain = at >= 0 ? normalized.slice(at + 1) : '';
  const plus = localPart.indexOf('+');
  if (plus < 0) return { local: localPart, token: null, domain };
  return { local: localPart.slice(0, plus), token: localPart.slice(plus + 1) || null, domain };
}

/** The inbox address with a conversation's token: `support@example.com` → `support+tok@example.com`. */
export function addressWithToken(address: string, token: string): string {
  const { local, domain } = replyToken(address);
  return `${local}+${token.toLowerCase()}@${domain}`;
}
