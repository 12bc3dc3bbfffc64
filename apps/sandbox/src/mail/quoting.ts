import type { MailRecord } from './parse';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );
}

/** Plain text as HTML paragraphs, the way clients turn what the customer typed into HTML. */
export function textAsHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** The inside of an HTML document's body, to nest it in a quote as clients do. */
export function htmlBodyOf(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return (body ? body[1]! : html)
    .replace(/<!doctype[^>]*>/gi, '')
    .replace(/<\/?html[^>]*>/gi, '')
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .trim();
}

/** The original as HTML to quote: its own HTML when it had one, else its text. */
export function originalHtml(original: MailRecord): string {
  return original.html ? htmlBodyOf(original.html) : textAsHtml(original.text);
}

/** `> ` before every line, as every client quotes plain text. */
export function quoteLines(text: string): string {
  return text
    .replace(/\s+$/, '')
    .split(/\r?\n/)
    .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`))
    .join('\n');
}

/** The subject of a reply: the client's own prefix once, the rest (and its [SB-…] tag) kept. */
export function replySubject(subject: string, prefix: 'Re:' | 'RE:'): string {
  return `${prefix} ${subject.trim().replace(/^re:\s*/i, '')}`;
}

/** Message-IDs of the thread so far, then the original's own, without repeats. */
export function referencesFor(original: MailRecord): string[] {
  return [
    ...new Set([...original.references, ...(original.messageId ? [original.messageId] : [])]),
  ];
}

// Mail clients write the sender's local time; the sandbox does not know it, so UTC it is.
const english = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', ...options });

/** Gmail: "Mon, Jan 6, 2025 at 10:00 AM". */
export function gmailDate(date: Date): string {
  const day = english({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
  const time = english({ hour: 'numeric', minute: '2-digit' });
  return `${day.format(date)} at ${time.format(date)}`;
}

/** Apple Mail: "Jan 6, 2025, at 10:00 AM". */
export function appleDate(date: Date): string {
  const day = english({ month: 'short', day: 'numeric', year: 'numeric' });
  const time = english({ hour: 'numeric', minute: '2-digit' });
  return `${day.format(date)}, at ${time.format(date)}`;
}

/** Outlook in Spanish: "lunes, 6 de enero de 2025 10:00". */
export function outlookSpanishDate(date: Date): string {
  const day = new Intl.DateTimeFormat('es-ES', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('es-ES', {
    timeZone: 'UTC',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${day.format(date)} ${time.format(date)}`;
}

/** Mutt and other plain-text clients: the Date header as written, "Mon, 06 Jan 2025 10:00:00 +0000". */
export function rfc2822Date(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}
