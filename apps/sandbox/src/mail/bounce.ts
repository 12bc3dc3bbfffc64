import { randomBytes } from 'node:crypto';
import { newMessageId, SANDBOX_MAIL_HOST } from './addresses';
import type { MailRecord } from './parse';
import { rfc2822Date } from './quoting';

/** The original's header block, as it arrived: the part of a DSN that identifies the message. */
function headerBlock(raw: Buffer): string {
  const text = raw.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  return (end === -1 ? text : text.slice(0, end)).replace(/\r?\n/g, '\r\n');
}

/**
 * A non-delivery report (RFC 3464) for recipients the remote server did not know, as Postfix
 * writes it: a human part, the machine-readable delivery status (5.1.1) and the original's
 * headers as text/rfc822-headers. It goes to the original's envelope sender from
 * MAILER-DAEMON, and is itself sent with the null sender so nothing ever answers it.
 */
export function bounceReport(original: MailRecord, failedRecipients: string[]): Buffer {
  const boundary = `${randomBytes(12).toString('hex')}/${SANDBOX_MAIL_HOST}`;
  const now = new Date();
  const queueId = randomBytes(5).toString('hex').toUpperCase();
  const perRecipient = failedRecipients.map((recipient) =>
    [
      `Final-Recipient: rfc822; ${recipient}`,
      `Original-Recipient: rfc822;${recipient}`,
      'Action: failed',
      'Status: 5.1.1',
      `Remote-MTA: dns; mx.${recipient.split('@').pop()}`,
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
    ].join('\r\n'),
  );
  const lines = [
    `From: Mail Delivery System <MAILER-DAEMON@${SANDBOX_MAIL_HOST}>`,
    `To: ${original.envelope.from}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Date: ${rfc2822Date(now)}`,
    `Message-ID: ${newMessageId(SANDBOX_MAIL_HOST)}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This is the mail system at host ${SANDBOX_MAIL_HOST}.`,
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    ...failedRecipients.map(
      (recipient) =>
        `<${recipient}>: host mx.${recipient.split('@').pop()} said: 550 5.1.1 user unknown`,
    ),
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${SANDBOX_MAIL_HOST}`,
    `X-Postfix-Queue-ID: ${queueId}`,
    `X-Postfix-Sender: rfc822; ${original.envelope.from}`,
    `Arrival-Date: ${rfc2822Date(now)}`,
    '',
    perRecipient.join('\r\n\r\n'),
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    headerBlock(original.raw),
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
