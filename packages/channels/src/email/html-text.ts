import { convert } from 'html-to-text';

/**
 * A readable plain-text version of HTML-only mail, for previews, search and notifications:
 * line breaks where blocks end, links as "text [url]" unless the text is the url, no pictures.
 */
export function htmlToReadableText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
      { selector: 'img', format: 'skip' },
      // Mail uses tables for layout far more often than for data.
      { selector: 'table', format: 'block' },
      { selector: 'tr', format: 'block' },
      { selector: 'td', format: 'block' },
      { selector: 'th', format: 'block' },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
