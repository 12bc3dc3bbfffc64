import { MAX_ATTACHMENT_BYTES } from '@switchboard/domain';

/** How to reach an email inbox's mailbox; only inboxes whose credentials name an IMAP host have one. */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  /** The folder to read; INBOX unless the admin named another. */
  mailbox: string;
  /** On first connect, mail received within this many days is read (0: only new mail). */
  backfillDays: number;
  maxAttachmentBytes: number;
}

const DEFAULT_BACKFILL_DAYS = 14;

/**
 * Reads IMAP settings from an inbox's decrypted credentials (strings, as the admin typed them)
 * and its settings. Null for inboxes that receive mail another way (forwarding).
 */
export function imapSettingsOf(
  credentials: Record<string, string>,
  inboxSettings: Record<string, unknown>,
): ImapSettings | null {
  const host = credentials.imapHost?.trim();
  const user = credentials.imapUser?.trim();
  if (!host || !user) return null;
  const secure = credentials.imapSecure !== 'false';
  return {
    host,
    port: wholeNumber(credentials.imapPort, 1) ?? (secure ? 993 : 143),
    secure,
    user,
    password: credentials.imapPass ?? '',
    mailbox: credentials.imapMailbox?.trim() || 'INBOX',
    backfillDays: wholeNumber(credentials.backfillDays) ?? DEFAULT_BACKFILL_DAYS,
    maxAttachmentBytes: wholeNumber(inboxSettings.maxAttachmentBytes, 1) ?? MAX_ATTACHMENT_BYTES,
  };
}

/** A whole number of at least `min` from a typed-in string or a number; null when absent or not one. */
function wholeNumber(value: unknown, min = 0): number | null {
  if (value === undefined || value === null || value === '') return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= min ? number : null;
}

/** Changes when anything that needs a new connection changes, so the reader restarts. */
export function settingsFingerprint(settings: ImapSettings): string {
  return JSON.stringify(settings);
}
