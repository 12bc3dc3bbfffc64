import type { MailboxEntry } from './mailbox';

/** One message as GET /sandbox/mail/mailbox shows it (the raw bytes are behind their own route). */
export function mailboxItem(entry: MailboxEntry) {
  const { mail } = entry;
  return {
    id: mail.id,
    mailbox: entry.owner,
    direction: entry.direction,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    from: mail.from?.address ?? null,
    fromName: mail.from?.name ?? null,
    to: mail.to.map((person) => person.address),
    replyTo: mail.replyTo?.address ?? null,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: mail.date?.toISOString() ?? null,
    headers: mail.headers,
    attachments: mail.attachments,
    envelope: mail.envelope,
    delivery: entry.delivery,
    parseError: mail.parseError,
    storedAt: entry.storedAt.toISOString(),
  };
}
