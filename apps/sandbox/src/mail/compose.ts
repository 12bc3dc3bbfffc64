import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailPerson } from './parse';

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** A message to put on the wire; the composer writes the MIME (Date, MIME-Version, parts). */
export interface OutgoingMail {
  from: MailPerson;
  to: MailPerson[];
  subject: string;
  text: string;
  html?: string | undefined;
  messageId: string;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
  /** Extra header fields, e.g. a client's own (Thread-Index) or Auto-Submitted. */
  headers?: Record<string, string> | undefined;
  attachments?: MailAttachment[] | undefined;
}

const asAddress = (person: MailPerson) => ({ name: person.name ?? '', address: person.address });

/** Standards-compliant MIME bytes for a message: text alone, or text and HTML alternatives. */
export function composeMail(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: asAddress(mail.from),
    to: mail.to.map(asAddress),
    subject: mail.subject,
    text: mail.text,
    ...(mail.html !== undefined ? { html: mail.html } : {}),
    messageId: mail.messageId,
    date: new Date(),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references?.length ? { references: mail.references } : {}),
    ...(mail.headers ? { headers: mail.headers } : {}),
    attachments: (mail.attachments ?? []).map((attachment) => ({
      filename: attachment.fileName,
      contentType: attachment.contentType,
      content: attachment.content,
    })),
    // Only what the customer's mail client would send: never a URL or a file to fetch.
    disableUrlAccess: true,
    disableFileAccess: true,
  });
  return composer.compile().build();
}
