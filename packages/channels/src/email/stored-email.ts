import { z } from 'zod';

const storedAttachment = z.union([
  z.object({
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    /** Content-ID without angle brackets: the HTML shows this file where it says `cid:<id>`. */
    contentId: z.string().optional(),
    /** Shown inside the HTML body rather than listed as a file. */
    inline: z.boolean(),
    dataBase64: z.string(),
  }),
  z.object({
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    /** Why the file was not kept, in words an agent can read. */
    refused: z.string(),
  }),
]);

const storedBounce = z.object({
  /** Message-ID (no angle brackets) of our mail that could not be delivered. */
  originalMessageId: z.string(),
  /** The receiving server's reason: its Diagnostic-Code, else the report's human-readable part. */
  reason: z.string(),
  /** Enhanced status code such as 5.1.1, when the report gives one. */
  statusCode: z.string().nullable(),
});

/**
 * One inbound mail as Switchboard stores it in `inbound_events`: parsed once at ingestion and
 * JSON-safe (dates as ISO strings, file bytes as base64), so `normalize` stays synchronous and
 * pure. Addresses are lower-cased; Message-IDs carry no angle brackets.
 */
export const storedEmailSchema = z.object({
  source: z.enum(['smtp', 'imap']),
  /** Never empty: the parser derives one from the content when the header is missing. */
  messageId: z.string().min(1),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  subject: z.string(),
  from: z.object({ address: z.string(), name: z.string().nullable() }),
  /** First Reply-To address, when the sender asked for answers elsewhere (web forms do). */
  replyTo: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  deliveredTo: z.array(z.string()),
  /** RCPT TO of the SMTP delivery, when the mail came through our listener. */
  envelopeTo: z.array(z.string()),
  /** The Date header as ISO 8601, or null when missing or unreadable. */
  date: z.string().nullable(),
  /** What the sender wrote this time, as plain text, without the quoted history. */
  text: z.string(),
  /** Sanitized HTML of the new part; null for plain-text mail. */
  html: z.string().nullable(),
  /** The quoted history: sanitized HTML when `html` is set, plain text otherwise; null if none. */
  quoted: z.string().nullable(),
  /** Sent by a machine (auto-reply, list, bulk, bounce): never answered automatically. */
  automatic: z.boolean(),
  /** A delivery status notification about mail we sent; `bounce` is set when it reports a failure. */
  deliveryReport: z.boolean(),
  bounce: storedBounce.nullable(),
  attachments: z.array(storedAttachment),
  /** The MIME could not be parsed: `text` is the raw source (truncated) and this says why. */
  malformed: z.string().optional(),
});

export type StoredEmail = z.infer<typeof storedEmailSchema>;
export type StoredEmailAttachment = z.infer<typeof storedAttachment>;
export type StoredEmailBounce = z.infer<typeof storedBounce>;
