import { createHash } from 'node:crypto';
import type { AddressObject, HeaderLines, ParsedMail } from 'mailparser';
import { isAutomaticMail } from './automatic';
import {
  addressesOf,
  firstMailbox,
  messageIdsIn,
  rawHeaderValue,
  rawHeaderValues,
  storable,
} from './headers';
import type { StoredEmail } from './stored-email';

export interface ParseEmailOptions {
  /** Larger files are listed as refused instead of stored (per inbox, 25 MB by default). */
  maxAttachmentBytes: number;
  /** How the mail reached us: our SMTP listener (forwarded mail) or an IMAP mailbox. */
  source: 'smtp' | 'imap';
  /** RCPT TO addresses of the SMTP delivery. */
  envelopeTo?: string[];
  /** MAIL FROM of the SMTP delivery; empty is the null sender that bounces and auto-replies use. */
  envelopeFrom?: string;
}

export type EnvelopeFields = Pick<
  StoredEmail,
  | 'source'
  | 'messageId'
  | 'inReplyTo'
  | 'references'
  | 'subject'
  | 'from'
  | 'replyTo'
  | 'to'
  | 'cc'
  | 'deliveredTo'
  | 'envelopeTo'
  | 'date'
  | 'automatic'
>;

/** Long threads carry long References; the newest ids are the ones that find the thread. */
const MAX_REFERENCES = 100;

/** Who, to whom, when and in answer to what: everything but the body. */
export function envelopeFields(
  raw: Buffer,
  mail: ParsedMail | null,
  options: ParseEmailOptions,
): EnvelopeFields {
  const lines: HeaderLines = mail?.headerLines ?? [];
  const references = [
    ...new Set(messageIdsIn(rawHeaderValues(lines, 'references').join(' '))),
  ].slice(-MAX_REFERENCES);
  const sender = mail?.from ?? (mail?.headers.get('sender') as AddressObject | undefined);
  const from = firstMailbox(sender);
  return {
    source: options.source,
    messageId: messageIdsIn(rawHeaderValue(lines, 'message-id'))[0] ?? contentMessageId(raw),
    inReplyTo: messageIdsIn(rawHeaderValue(lines, 'in-reply-to'))[0] ?? null,
    references,
    subject: storable(mail?.subject?.trim() ?? ''),
    from: { address: from.address, name: from.name && storable(from.name) },
    replyTo: addressesOf(mail?.replyTo)[0] ?? null,
    to: addressesOf(mail?.to),
    cc: addressesOf(mail?.cc),
    // Postfix records the envelope recipient as X-Original-To, most servers as Delivered-To.
    deliveredTo: [
      ...new Set([
        ...addressesOf(mail?.headers.get('delivered-to')),
        ...rawHeaderValues(lines, 'x-original-to').map((value) =>
          value.replace(/[<>]/g, '').trim().toLowerCase(),
        ),
      ]),
    ].filter(Boolean),
    envelopeTo: [...new Set((options.envelopeTo ?? []).map((address) => address.toLowerCase()))],
    date: headerDate(rawHeaderValue(lines, 'date')),
    automatic: isAutomaticMail(lines, options.envelopeFrom),
  };
}

/**
 * Mail without a Message-ID still needs one id that is the same every time the same bytes
 * arrive (an IMAP resync, a retried SMTP delivery), so it is stored once.
 */
function contentMessageId(raw: Buffer): string {
  return `sha256-${createHash('sha256').update(raw).digest('hex')}@switchboard.local`;
}

/** mailparser turns an unreadable Date into "now"; an unknown time is better left unknown. */
function headerDate(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(value.replace(/\([^)]*\)\s*$/, '').trim());
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
