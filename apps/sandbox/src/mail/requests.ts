import { z } from 'zod';
import { mailClients } from './client-replies';

export const emailAddress = z.email('must be an email address such as sam@customer.test');

/** A Message-ID with or without its angle brackets. */
const messageId = z
  .string()
  .trim()
  .regex(/^<?[^<>\s@]+@[^<>\s@]+>?$/, 'must be a Message-ID such as <abc@example.com>');

const oneLine = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !/[\r\n]/.test(value), 'must be one line');

export const sendMailSchema = z.object({
  from: emailAddress,
  fromName: oneLine(200).optional(),
  to: emailAddress,
  subject: oneLine(998),
  text: z.string().max(1_000_000),
  html: z.string().max(5_000_000).optional(),
  inReplyTo: messageId.optional(),
  references: z.array(messageId).max(100).optional(),
  headers: z
    .record(z.string().regex(/^[A-Za-z0-9-]{1,76}$/, 'must be a header field name'), oneLine(998))
    .optional(),
  attachments: z
    .array(
      z.object({
        fileName: oneLine(255, 1),
        contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type'),
        dataBase64: z.base64(),
      }),
    )
    .max(20)
    .default([]),
});

export const replyMailSchema = z.object({
  /** A message the customer received. */
  messageId,
  from: emailAddress,
  fromName: oneLine(200).optional(),
  text: z.string().max(1_000_000),
  client: z.enum(mailClients).default('gmail'),
});

export const rawMailSchema = z.object({
  to: emailAddress,
  /** The envelope sender; by default the From header's address when it has one. */
  from: z.union([emailAddress, z.literal('')]).optional(),
  dataBase64: z.base64(),
});

/** In a query string `+` decodes to a space, which no address contains: read it back. */
export const mailboxQuerySchema = z.object({
  address: z
    .string()
    .transform((value) => value.trim().replace(/ /g, '+'))
    .pipe(emailAddress)
    .optional(),
});

export const mailSettingsSchema = z.object({
  deliverTo: z
    .object({ host: z.string().min(1).max(255), port: z.number().int().min(1).max(65535) })
    .optional(),
  supportAddress: z.email().nullable().optional(),
});
