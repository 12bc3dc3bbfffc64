import { domainOf, mailboxKey, newMessageId } from './addresses';
import { composeMail } from './compose';
import type { MailPerson, MailRecord } from './parse';
import { referencesFor } from './quoting';

/**
 * RFC 3834's rules for a responder: never answer automatic mail, mailing lists, bulk mail or
 * the null sender. Keeping them is what stops two auto-responders answering each other forever.
 */
export function deservesAutoReply(original: MailRecord): boolean {
  const headers = original.headers;
  const autoSubmitted = (headers['auto-submitted'] ?? 'no').toLowerCase();
  if (!autoSubmitted.startsWith('no')) return false;
  if (/^(bulk|list|junk)$/i.test(headers.precedence ?? '')) return false;
  if (Object.keys(headers).some((name) => name.startsWith('list-'))) return false;
  return original.envelope.from !== '' && (original.replyTo ?? original.from) !== null;
}

export interface AutoReply {
  raw: Buffer;
  /** The responder's own address as sender, like Gmail's vacation responder. */
  envelope: { from: string; to: string[] };
}

/** "I'm out of office", to the original's Reply-To (else From), marked as an automatic reply. */
export async function outOfOfficeReply(
  original: MailRecord,
  responderAddress: string,
): Promise<AutoReply> {
  const target = (original.replyTo ?? original.from)!;
  const responder: MailPerson = original.to.find(
    (person) => mailboxKey(person.address) === mailboxKey(responderAddress),
  ) ?? { address: responderAddress, name: null };
  const raw = await composeMail({
    from: responder,
    to: [target],
    subject: `Automatic reply: ${original.subject}`,
    text:
      "I'm out of office and will be back next week, with limited access to email until then. " +
      'I will answer your message when I return.',
    messageId: newMessageId(domainOf(responder.address)),
    inReplyTo: original.messageId ?? undefined,
    references: referencesFor(original),
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
  });
  return { raw, envelope: { from: responder.address, to: [target.address] } };
}
