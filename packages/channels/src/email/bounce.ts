import type { Attachment, ParsedMail, StructuredHeader } from 'mailparser';
import { messageIdsIn } from './headers';
import type { StoredEmailBounce } from './stored-email';

const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_PARTS = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);

/** Parts of a delivery report that describe our own mail rather than carry customer files. */
export const isReportPart = (attachment: Attachment) =>
  STATUS_PARTS.has(attachment.contentType) || RETURNED_PARTS.has(attachment.contentType);

/** `multipart/report; report-type=delivery-status` (RFC 3464), the standard bounce. */
export function isDeliveryReport(mail: ParsedMail): boolean {
  const contentType = mail.headers.get('content-type') as StructuredHeader | undefined;
  const reportType = contentType?.params?.['report-type']?.toLowerCase() ?? '';
  return (
    contentType?.value?.toLowerCase() === 'multipart/report' &&
    (reportType === 'delivery-status' || reportType === 'global-delivery-status')
  );
}

/**
 * The failure a delivery report describes, or null when it reports a delay or a success (the
 * mail may still arrive, so nothing should be marked failed) or does not say which mail it is.
 */
export function readBounce(mail: ParsedMail, inReplyTo: string | null): StoredEmailBounce | null {
  const statusPart = mail.attachments.find((part) => STATUS_PARTS.has(part.contentType));
  if (!statusPart) return null;
  const [perMessage = new Map<string, string>(), ...recipients] = fieldGroups(
    statusPart.content.toString('utf8'),
  );
  const failed =
    recipients.find((fields) => fields.get('action')?.toLowerCase() === 'failed') ??
    recipients.find((fields) => !fields.has('action') && fields.get('status')?.startsWith('5'));
  if (!failed) return null;

  const originalMessageId =
    returnedMessageId(mail.attachments) ??
    envelopeId(perMessage.get('original-envelope-id')) ??
    inReplyTo;
  if (!originalMessageId) return null;

  const diagnostic = failed.get('diagnostic-code')?.replace(/^[a-z-]+\s*;\s*/i, '');
  const humanPart = mail.text?.trim();
  const reason = oneLine(diagnostic || humanPart || 'The receiving server did not say why.');
  return {
    originalMessageId,
    reason: reason.length > 1000 ? `${reason.slice(0, 999)}…` : reason,
    statusCode: /\d\.\d{1,3}\.\d{1,3}/.exec(failed.get('status') ?? '')?.[0] ?? null,
  };
}

/** The report's field blocks (per message, then one per recipient), names lower-cased. */
function fieldGroups(body: string): Map<string, string>[] {
  return body
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/\n[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
      }
      return fields;
    });
}

/** The Message-ID in the returned copy of our mail, or in its returned headers. */
function returnedMessageId(parts: Attachment[]): string | null {
  for (const part of parts) {
    if (!RETURNED_PARTS.has(part.contentType)) continue;
    const text = part.content.toString('utf8').replace(/\r\n/g, '\n');
    const headerBlock = text.split(/\n[ \t]*\n/)[0]!.replace(/\n[ \t]+/g, ' ');
    const header = /^message-id:(.*)$/im.exec(headerBlock)?.[1];
    const id = messageIdsIn(header ?? null)[0];
    if (id) return id;
  }
  return null;
}

/** ENVID (RFC 3461) is xtext (`+XX` stands for a byte); senders that set it use the Message-ID. */
function envelopeId(value: string | undefined): string | null {
  const decoded = value
    ?.replace(/\+([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .trim();
  return decoded ? (messageIdsIn(decoded)[0] ?? decoded.replace(/^<|>$/g, '')) : null;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
