import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in an email inbox's Reply-To (`support+sb-7k3q9-4f1a2b@example.com`): the
 * conversation's reference plus a short signature, so a reply finds its thread even when a
 * mail client drops the threading headers, and nobody can aim mail at a thread by guessing.
 */
export function replyTokenFor(secretKey: string, conversation: { id: string; reference: string }) {
  return `${conversation.reference.toLowerCase()}-${signature(secretKey, conversation.id)}`;
}

/** The reference a token names; the caller confirms it with `tokenMatches` once it has the id. */
export function referenceInToken(token: string): string | null {
  const match = /^(sb-[0-9a-z]{5})-[0-9a-f]{8}$/.exec(token.toLowerCase());
  return match ? match[1]!.toUpperCase() : null;
}

export function tokenMatches(secretKey: string, token: string, conversationId: string): boolean {
  const given = Buffer.from(token.toLowerCase().slice(-8));
  const expected = Buffer.from(signature(secretKey, conversationId));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const signature = (secretKey: string, conversationId: string) =>
  createHmac('sha256', secretKey).update(`reply:${conversationId}`).digest('hex').slice(0, 8);

/** `[SB-7K3Q9]` anywhere in a subject. */
export function referenceInSubject(subject: string): string | null {
  const match = /\[(SB-[0-9A-Z]{5})\]/i.exec(subject);
  return match ? match[1]!.toUpperCase() : null;
}
