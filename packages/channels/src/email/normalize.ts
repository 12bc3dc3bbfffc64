import { safeFileName } from '../file-name';
import type { EventPayload, InboundAttachment, InboundEvent, InboundMessageEvent } from '../types';
import { storedEmailSchema, type StoredEmail } from './stored-email';

/** A Date header is believed only between these; clocks of mail clients are often wrong. */
const EARLIEST = Date.UTC(2000, 0, 1);
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * One stored mail (see `parseEmail`) as inbound events: a bounce about our own mail, nothing
 * for delivery reports that only say a mail is delayed, else the customer's message.
 */
export function normalizeEmail(payload: EventPayload): InboundEvent[] {
  const parsed = storedEmailSchema.safeParse(payload);
  if (!parsed.success) {
    throw new Error(`The stored email event is not a parsed email: ${parsed.error.message}`);
  }
  const email = parsed.data;
  if (email.bounce) return [{ type: 'bounce', ...email.bounce }];
  // Delays and success notices change nothing an agent can act on, and a mail with no sender
  // has nobody to answer; the stored event keeps it for whoever looks.
  if (email.deliveryReport || !email.from.address) return [];
  return [messageEvent(email)];
}

function messageEvent(email: StoredEmail): InboundMessageEvent {
  const occurredAt = believableDate(email.date);
  return {
    type: 'message',
    providerMessageId: email.messageId,
    from: {
      kind: 'email',
      address: email.from.address,
      ...(email.from.name ? { displayName: email.from.name } : {}),
    },
    to: inboxRecipient(email),
    text: email.text,
    attachments: email.attachments.map(toAttachment),
    ...(occurredAt ? { occurredAt } : {}),
    metadata: {
      automatic: email.automatic,
      cc: email.cc,
      ...(email.replyTo && email.replyTo !== email.from.address ? { replyTo: email.replyTo } : {}),
      ...(email.malformed ? { malformed: email.malformed } : {}),
    },
    email: {
      messageId: email.messageId,
      inReplyTo: email.inReplyTo,
      references: email.references,
      subject: email.subject,
      html: email.html,
      quoted: email.quoted,
      recipients: [
        ...new Set([...email.envelopeTo, ...email.deliveredTo, ...email.to, ...email.cc]),
      ],
      automatic: email.automatic,
      ...(email.malformed ? { malformed: email.malformed } : {}),
    },
  };
}

/**
 * The address the mail reached us at: the SMTP envelope when our listener took it, else the
 * mailbox's own Delivered-To, else the first visible recipient. A customer who copies others
 * in still wrote to this one.
 */
function inboxRecipient(email: StoredEmail): string {
  return email.envelopeTo[0] ?? email.deliveredTo[0] ?? email.to[0] ?? email.cc[0] ?? '';
}

function believableDate(iso: string | null): Date | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time) || time < EARLIEST || time > Date.now() + FUTURE_SLACK_MS) return null;
  return new Date(time);
}

function toAttachment(file: StoredEmail['attachments'][number]): InboundAttachment {
  const base = {
    // Mail carries its files; the only address one has is its Content-ID in the HTML.
    url: 'contentId' in file && file.contentId ? `cid:${file.contentId}` : '',
    contentType: file.contentType,
    // The stored name is as the sender wrote it; no folder in it reaches a download.
    fileName: safeFileName(file.fileName),
  };
  return 'refused' in file
    ? { ...base, refused: file.refused }
    : { ...base, data: Buffer.from(file.dataBase64, 'base64') };
}
