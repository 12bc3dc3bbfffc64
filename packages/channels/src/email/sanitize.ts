import sanitizeHtml from 'sanitize-html';

/** Formatting an agent needs to read mail as it was written, nothing that runs or phones home. */
const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  'img',
  'font',
  'center',
  'del',
  'ins',
  'strike',
  'big',
  'tt',
];

const LAYOUT = ['valign', 'width', 'height', 'bgcolor'];

const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  '*': ['dir', 'lang', 'title', 'style', 'align'],
  a: ['href', 'name', 'target', 'rel'],
  img: ['src', 'alt', 'width', 'height', 'data-remote-src'],
  font: ['color', 'size', 'face'],
  table: [...LAYOUT, 'border', 'cellpadding', 'cellspacing'],
  td: [...LAYOUT, 'colspan', 'rowspan', 'nowrap'],
  th: [...LAYOUT, 'colspan', 'rowspan', 'nowrap', 'scope'],
  tr: LAYOUT,
  col: [...LAYOUT, 'span'],
  colgroup: [...LAYOUT, 'span'],
  ol: ['start', 'type', 'reversed'],
  li: ['value'],
  blockquote: ['cite'],
};

/**
 * Inline styles carry most of an email's formatting. A value may not call url(), image() or
 * expression(): that is how CSS loads remote pictures (tracking pixels) or, in old Internet
 * Explorer, runs script. Positioning is left out so a mail cannot cover the agent's screen.
 */
const SAFE_VALUE = /^(?!.*(?:url|image|image-set|expression|element)\s*\()[^<>\\]*$/i;
const STYLED = [
  'color',
  'background-color',
  'font',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-decoration',
  'text-indent',
  'text-transform',
  'vertical-align',
  'white-space',
  'direction',
  'margin',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-color',
  'border-style',
  'border-width',
  'border-collapse',
  'border-spacing',
  'border-radius',
  'width',
  'max-width',
  'min-width',
  'height',
  'list-style-type',
  'display',
];
const ALLOWED_STYLES = { '*': Object.fromEntries(STYLED.map((name) => [name, [SAFE_VALUE]])) };

const WEB_LINK = /^(https?:|mailto:)/i;
const REMOTE_IMAGE = /^https?:\/\//i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedStyles: ALLOWED_STYLES,
  allowedSchemes: ['http', 'https', 'mailto'],
  // Only pictures that came inside the mail; the web maps `cid:` to the stored attachment.
  allowedSchemesByTag: { img: ['cid'] },
  allowProtocolRelative: false,
  // Tags whose text is never content: scripts, styles, and what Outlook keeps in <head>.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'xml'],
  disallowedTagsMode: 'discard',
  // A picture whose source was neither inside the mail nor a web address has nothing to show.
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !frame.attribs.src && !frame.attribs['data-remote-src'],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href?.trim() ?? '';
      return {
        tagName,
        attribs: {
          ...(attribs.name ? { name: attribs.name } : {}),
          ...(attribs.title ? { title: attribs.title } : {}),
          ...(WEB_LINK.test(href) ? { href } : {}),
          // Links open outside the inbox and learn nothing about it.
          rel: 'noopener noreferrer nofollow',
          target: '_blank',
        },
      };
    },
    img: (tagName, attribs) => {
      const { src = '', 'data-remote-src': _ignored, ...rest } = attribs;
      const source = src.trim();
      // A remote picture tells the sender when and where the mail was read; it is kept aside
      // so the agent may choose to show it.
      if (REMOTE_IMAGE.test(source)) {
        return { tagName, attribs: { ...rest, 'data-remote-src': source } };
      }
      return { tagName, attribs: /^cid:/i.test(source) ? { ...rest, src: source } : rest };
    },
  },
};

/** HTML safe to show an agent: no script, no remote loads, links that open in a new tab. */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
