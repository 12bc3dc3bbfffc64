import { htmlToReadableText } from './html-text';
import { storable } from './headers';
import { splitQuotedHtml, splitQuotedText } from './quoted';
import { sanitizeEmailHtml } from './sanitize';

export interface EmailBody {
  text: string;
  html: string | null;
  quoted: string | null;
}

/**
 * What the sender wrote this time, with the quoted history apart. The text part is the sender's
 * own words and is preferred; it gives way to a text version of the HTML only when the HTML
 * alone showed where the history starts, or when there is no text part at all.
 */
export function readBody(rawHtml: string | null, rawText: string | null): EmailBody {
  const htmlSplit = rawHtml ? splitQuotedHtml(rawHtml) : null;
  const textSplit = rawText?.trim() ? splitQuotedText(rawText) : null;
  const html = htmlSplit ? sanitizeEmailHtml(htmlSplit.body) || null : null;
  const quotedHtml = htmlSplit?.quoted ? sanitizeEmailHtml(htmlSplit.quoted) || null : null;
  const useTextPart = textSplit !== null && (textSplit.quoted !== null || quotedHtml === null);
  const text = useTextPart ? textSplit.body : html ? htmlToReadableText(html) : '';
  return {
    text: storable(text),
    html: html && storable(html),
    // The web shows `quoted` as HTML exactly when the new part is HTML.
    quoted: html
      ? quotedHtml && storable(quotedHtml)
      : textSplit?.quoted
        ? storable(textSplit.quoted)
        : null,
  };
}
