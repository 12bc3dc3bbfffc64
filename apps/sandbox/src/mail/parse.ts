import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject, type EmailAddress, type HeaderLines } from 'mailparser';
import { bracketed } from './addresses';

export interface MailPerson {
  address: string;
  name: string | null;
}

export interface MailAttachmentSummary {
  fileName: string | null;
  contentType: string;
  size: number;
}

/** One message as the sandbox keeps it: the bytes as they travelled, and what a client reads. */
export interface MailRecord {
  id: string;
  raw: Buffer;
  /** SMTP envelope: `from` is '' for a null reverse-path (bounces). */
  envelope: { from: string; to: string[] };
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailPerson | null;
  to: MailPerson[];
  replyTo: MailPerson | null;
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  /** Lower-case header name → unfolded value of its first (topmost) occurrence. */
  headers: Record<string, string>;
  attachments: MailAttachmentSummary[];
  /** Why the message could not be read as MIME; the raw bytes are kept all the same. */
  parseError: string | null;
}

function people(value: AddressObject | AddressObject[] | undefined): MailPerson[] {
  const flatten = (entries: EmailAddress[]): EmailAddress[] =>
    entries.flatMap((entry) => (entry.group ? flatten(entry.group) : [entry]));
  const entries = [value ?? []].flat().flatMap((object) => flatten(object.value));
  return entries
    .filter((entry): entry is EmailAddress & { address: string } => Boolean(entry.address))
    .map((entry) => ({ address: entry.address, name: entry.name || null }));
}

function headerMap(lines: HeaderLines): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    if (key in headers) continue;
    headers[key] = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
  }
  return headers;
}

/** Message-IDs in a header value, as they are written there (`<…>`). */
function messageIds(value: string | string[] | undefined): string[] {
  return [value ?? []]
    .flat()
    .flatMap((entry) => entry.match(/<[^<>\s]+>/g) ?? (entry.trim() ? [bracketed(entry)] : []));
}

/**
 * Reads a message the way a mail client would. Malformed MIME never throws: the record keeps
 * the raw bytes and says why it could not be read.
 */
export async function parseMail(
  raw: Buffer,
  envelope: { from: string; to: string[] },
): Promise<MailRecord> {
  const base = { id: randomUUID(), raw, envelope };
  try {
    const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
    return {
      ...base,
      messageId: parsed.messageId ? bracketed(parsed.messageId) : null,
      inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
      references: messageIds(parsed.references),
      from: people(parsed.from)[0] ?? null,
      to: people(parsed.to),
      replyTo: people(parsed.replyTo)[0] ?? null,
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: parsed.html || null,
      date: parsed.date ?? null,
      headers: headerMap(parsed.headerLines),
      attachments: parsed.attachments.map((attachment) => ({
        fileName: attachment.filename ?? null,
        contentType: attachment.contentType,
        size: attachment.size,
      })),
      parseError: null,
    };
  } catch (error) {
    return {
      ...base,
      messageId: null,
      inReplyTo: null,
      references: [],
      from: null,
      to: [],
      replyTo: null,
      subject: '',
      text: '',
      html: null,
      date: null,
      headers: {},
      attachments: [],
      parseError: (error as Error).message,
    };
  }
}
