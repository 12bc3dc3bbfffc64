import { simpleParser, type ParsedMail, type StructuredHeader } from 'mailparser';
import { storedAttachments } from './attachments';
import { readBody } from './body';
import { isDeliveryReport, isReportPart, readBounce } from './bounce';
import { envelopeFields, type ParseEmailOptions } from './envelope';
import { storable, storableDeep } from './headers';
import type { StoredEmail } from './stored-email';

export type { ParseEmailOptions } from './envelope';

const PARSER_OPTIONS = {
  // The report's status part arrives as a file, so its fields can be read.
  keepDeliveryStatus: true,
  // Inline pictures stay `cid:` links that the web maps to stored files, not data: URLs.
  keepCidLinks: true,
  // Only the new part is turned into text (see body.ts); the rest would be wasted work.
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
};

/** What a malformed mail shows instead of a body: its source, up to this many bytes. */
const RAW_TEXT_BYTES = 200 * 1024;

/**
 * Parses one mail into what Switchboard stores. Never throws on bad input: mail that is not
 * valid MIME is kept with its raw source as the text and `malformed` saying why.
 */
export async function parseEmail(raw: Buffer, options: ParseEmailOptions): Promise<StoredEmail> {
  return storableDeep(await readEmail(raw, options));
}

async function readEmail(raw: Buffer, options: ParseEmailOptions): Promise<StoredEmail> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, PARSER_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return malformedEmail(
      raw,
      await headersOnly(raw),
      options,
      `The message could not be read as MIME (${reason}).`,
    );
  }
  const problem = structuralProblem(mail, raw);
  if (problem) return malformedEmail(raw, mail, options, problem);

  const envelope = envelopeFields(raw, mail, options);
  const deliveryReport = isDeliveryReport(mail);
  const rawHtml = typeof mail.html === 'string' && mail.html.trim() ? mail.html : null;
  const files = deliveryReport
    ? mail.attachments.filter((part) => !isReportPart(part))
    : mail.attachments;
  return {
    ...envelope,
    // Some servers (Exchange among them) send reports without Auto-Submitted or a null sender.
    automatic: envelope.automatic || deliveryReport,
    ...readBody(rawHtml, mail.text ?? null),
    deliveryReport,
    bounce: deliveryReport ? readBounce(mail, envelope.inReplyTo) : null,
    attachments: storedAttachments(files, rawHtml, options.maxAttachmentBytes),
  };
}

/** mailparser reads almost anything; these are the cases where what it read is not the mail. */
function structuralProblem(mail: ParsedMail, raw: Buffer): string | null {
  const hasMailHeaders = ['from', 'to', 'subject', 'date', 'message-id'].some((name) =>
    mail.headers.has(name),
  );
  if (!hasMailHeaders) return 'The message has no readable mail headers.';
  const contentType = mail.headers.get('content-type') as StructuredHeader | undefined;
  const multipart = contentType?.value?.toLowerCase().startsWith('multipart/') ?? false;
  const nothingFound = !mail.text?.trim() && !mail.html && mail.attachments.length === 0;
  if (multipart && nothingFound && bodyOf(raw).trim() !== '') {
    const boundary = contentType?.params?.boundary;
    return boundary
      ? `The message says its parts are separated by "${boundary}", but that boundary never appears.`
      : 'The message says it has several parts but not where they are separated.';
  }
  return null;
}

function bodyOf(raw: Buffer): string {
  const text = raw.toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  return end ? text.slice(end.index + end[0].length) : '';
}

/** When the whole message cannot be parsed, its header section alone often can. */
async function headersOnly(raw: Buffer): Promise<ParsedMail | null> {
  const text = raw.toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return null;
  try {
    return await simpleParser(
      Buffer.from(text.slice(0, end.index) + '\r\n\r\n', 'latin1'),
      PARSER_OPTIONS,
    );
  } catch {
    return null;
  }
}

function malformedEmail(
  raw: Buffer,
  mail: ParsedMail | null,
  options: ParseEmailOptions,
  reason: string,
): StoredEmail {
  const truncated = raw.length > RAW_TEXT_BYTES;
  return {
    ...envelopeFields(raw, mail, options),
    text: rawSourceText(raw.subarray(0, RAW_TEXT_BYTES)),
    html: null,
    quoted: null,
    deliveryReport: false,
    bounce: null,
    attachments: [],
    malformed: `${reason} It is shown as received${truncated ? ', cut at 200 KB' : ''}.`,
  };
}

/** UTF-8 when the bytes are UTF-8, else Latin-1 (older mail), without control characters. */
function rawSourceText(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  const replaced = (utf8.match(/\uFFFD/g) ?? []).length;
  const text = replaced > utf8.length / 100 ? bytes.toString('latin1') : utf8;
  // eslint-disable-next-line no-control-regex
  return storable(text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
}
