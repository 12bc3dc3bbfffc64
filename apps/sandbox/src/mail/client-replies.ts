import { randomBytes, randomUUID } from 'node:crypto';
import { displayAddress, domainOf, newMessageId, randomAlphanumeric } from './addresses';
import type { MailPerson, MailRecord } from './parse';
import {
  appleDate,
  escapeHtml,
  gmailDate,
  originalHtml,
  outlookSpanishDate,
  quoteLines,
  referencesFor,
  replySubject,
  rfc2822Date,
  textAsHtml,
} from './quoting';

export const mailClients = ['gmail', 'outlook', 'apple', 'plain'] as const;
export type MailClient = (typeof mailClients)[number];

/** A reply as one client writes it: its headers, its quoting, its Message-ID shape. */
export interface ClientReply {
  subject: string;
  messageId: string;
  inReplyTo: string | undefined;
  references: string[];
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

interface ReplyInput {
  original: MailRecord;
  from: MailPerson;
  text: string;
}

const senderOf = (original: MailRecord) =>
  original.from ? displayAddress(original.from) : 'unknown sender';
const sentAt = (original: MailRecord) => original.date ?? new Date();

function gmailReply({ original, text }: ReplyInput): ClientReply {
  const attribution = `On ${gmailDate(sentAt(original))} ${senderOf(original)} wrote:`;
  return {
    subject: replySubject(original.subject, 'Re:'),
    messageId: `<CA${randomAlphanumeric(44)}@mail.gmail.com>`,
    inReplyTo: original.messageId ?? undefined,
    references: referencesFor(original),
    text: `${text}\n\n${attribution}\n\n${quoteLines(original.text)}\n`,
    html:
      `<div dir="ltr">${textAsHtml(text)}</div><br><div class="gmail_quote">` +
      `<div dir="ltr" class="gmail_attr">${escapeHtml(attribution)}<br></div>` +
      '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">' +
      `${originalHtml(original)}</blockquote></div>`,
  };
}

/**
 * Outlook (here in Spanish) quotes with a header block instead of `>`, and its In-Reply-To
 * names its own copy of the original, which the business never saw; only References still
 * carries the original's Message-ID.
 */
function outlookReply({ original, text }: ReplyInput): ClientReply {
  const block = [
    ['De', senderOf(original)],
    ['Enviado', outlookSpanishDate(sentAt(original))],
    ['Para', original.to.map(displayAddress).join('; ')],
    ['Asunto', original.subject],
  ] as const;
  const outlookHost = () => `${randomAlphanumeric(12).toUpperCase()}.namprd12.prod.outlook.com`;
  const topic = original.subject.replace(/^(re|rv|fw|fwd):\s*/i, '');
  return {
    subject: replySubject(original.subject, 'RE:'),
    messageId: `<${randomAlphanumeric(36).toUpperCase()}@${outlookHost()}>`,
    inReplyTo: `<${randomAlphanumeric(36).toUpperCase()}@${outlookHost()}>`,
    references: referencesFor(original),
    text:
      `${text}\n\n________________________________\n` +
      `${block.map(([label, value]) => `${label}: ${value}`).join('\n')}\n\n${original.text.trim()}\n`,
    html:
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>` +
      `<div style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt">${textAsHtml(text)}</div>` +
      '<hr style="display:inline-block;width:98%" tabindex="-1">' +
      '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">' +
      block.map(([label, value]) => `<b>${label}:</b> ${escapeHtml(value)}`).join('<br>') +
      `</font><div>&nbsp;</div></div><div>${originalHtml(original)}</div></body></html>`,
    headers: {
      'Thread-Topic': topic,
      'Thread-Index': randomBytes(22).toString('base64'),
      'Content-Language': 'es-ES',
    },
  };
}

function appleReply({ original, from, text }: ReplyInput): ClientReply {
  const attribution = `On ${appleDate(sentAt(original))}, ${senderOf(original)} wrote:`;
  return {
    subject: replySubject(original.subject, 'Re:'),
    messageId: `<${randomUUID().toUpperCase()}@${domainOf(from.address)}>`,
    inReplyTo: original.messageId ?? undefined,
    references: referencesFor(original),
    text: `${text}\n\n${quoteLines(`${attribution}\n\n${original.text}`)}\n`,
    html:
      '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>' +
      `<body dir="auto"><div dir="ltr">${textAsHtml(text)}</div><div dir="ltr"><br>` +
      `<blockquote type="cite">${escapeHtml(attribution)}<br><br></blockquote></div>` +
      `<blockquote type="cite"><div dir="ltr">${originalHtml(original)}</div></blockquote></body></html>`,
    headers: { 'X-Mailer': 'Apple Mail (2.3826.400.131.1.6)' },
  };
}

function plainReply({ original, from, text }: ReplyInput): ClientReply {
  return {
    subject: replySubject(original.subject, 'Re:'),
    messageId: newMessageId(domainOf(from.address)),
    inReplyTo: original.messageId ?? undefined,
    references: referencesFor(original),
    text: `${text}\n\nOn ${rfc2822Date(sentAt(original))}, ${senderOf(original)} wrote:\n${quoteLines(original.text)}\n`,
    headers: { 'User-Agent': 'Mutt/2.2.13 (2024-03-09)' },
  };
}

const replyWriters: Record<MailClient, (input: ReplyInput) => ClientReply> = {
  gmail: gmailReply,
  outlook: outlookReply,
  apple: appleReply,
  plain: plainReply,
};

export function clientReply(client: MailClient, input: ReplyInput): ClientReply {
  return replyWriters[client](input);
}
