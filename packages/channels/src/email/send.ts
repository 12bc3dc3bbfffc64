import { createHash } from 'node:crypto';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { ChannelError } from '../errors';
import type { InboxConnection, OutboundEmail, OutboundMessage, SendResult } from '../types';
import { smtpChannelError } from './smtp-errors';

interface CachedTransport {
  key: string;
  transporter: Transporter;
}

/**
 * One pooled SMTP transport per inbox, so a busy inbox reuses its connections instead of
 * logging in for every reply. Changed credentials replace the inbox's transport.
 */
const transports = new Map<string, CachedTransport>();

function transportFor(connection: InboxConnection): Transporter {
  const { smtpHost, smtpPort, smtpSecure, smtpUser, smtpPass } = connection.credentials;
  if (!smtpHost) {
    throw new ChannelError('The inbox has no outgoing mail server (SMTP host) set.', {
      retryable: false,
      code: 'credentials',
    });
  }
  const secure = smtpSecure === 'true';
  const port = Number.parseInt(smtpPort ?? '', 10) || (secure ? 465 : 587);
  // Hashed so the cache holds no readable password next to the transport that already has one.
  const key = createHash('sha256')
    .update(JSON.stringify([smtpHost, port, secure, smtpUser ?? '', smtpPass ?? '']))
    .digest('hex');
  const cached = transports.get(connection.address);
  if (cached?.key === key) return cached.transporter;
  cached?.transporter.close();
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    maxMessages: 100,
    host: smtpHost,
    port,
    secure,
    ...(smtpUser ? { auth: { user: smtpUser, pass: smtpPass ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  transports.set(connection.address, { key, transporter });
  return transporter;
}

/** Closes every pooled connection: for shutdown, so open sockets do not keep the process up. */
export function closeEmailTransports(): void {
  for (const { transporter } of transports.values()) transporter.close();
  transports.clear();
}

const bracketed = (id: string) => `<${id.replace(/^<|>$/g, '')}>`;

function mailOptions(
  message: OutboundMessage,
  email: OutboundEmail,
  connection: InboxConnection,
): SendMailOptions {
  return {
    from: { name: email.fromName, address: connection.address },
    to: message.to,
    replyTo: email.replyTo,
    subject: email.subject,
    messageId: bracketed(email.messageId),
    ...(email.inReplyTo ? { inReplyTo: bracketed(email.inReplyTo) } : {}),
    ...(email.references.length ? { references: email.references.map(bracketed).join(' ') } : {}),
    text: message.text,
    html: email.html,
    attachments: (message.media ?? []).map((file) => ({
      filename: file.fileName,
      content: file.data,
      contentType: file.contentType,
    })),
    headers: {
      // Exchange and Outlook send no out-of-office or read receipts back to this mail.
      'X-Auto-Response-Suppress': 'All',
      // RFC 3834: our transcripts and notices say they are automatic, so no robot answers them.
      ...(email.automatic ? { 'Auto-Submitted': 'auto-replied' } : {}),
    },
  };
}

/** Sends a reply over the inbox's SMTP server with the headers that keep the thread together. */
export async function sendEmail(
  message: OutboundMessage,
  connection: InboxConnection,
): Promise<SendResult> {
  const email = message.email;
  if (!email) {
    throw new ChannelError('The reply has no email subject or threading headers.', {
      retryable: false,
      code: 'invalid_message',
    });
  }
  const transporter = transportFor(connection);
  try {
    await transporter.sendMail(mailOptions(message, email, connection));
  } catch (error) {
    throw smtpChannelError(error);
  }
  return { providerMessageId: email.messageId };
}
