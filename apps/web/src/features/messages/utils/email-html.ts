import DOMPurify, { type Config } from 'dompurify';
import type { Attachment } from '../types';

/**
 * Email HTML goes into the agent's page, next to their session. The server already
 * sanitized it; this second pass means one bug on either side is not enough to run
 * a script, load a tracker or restyle the inbox.
 */

export interface EmailHtmlOptions {
  /** The message's files, for `cid:` inline images. */
  attachments: readonly Attachment[];
  /** The agent asked to load this message's remote images. */
  showRemote: boolean;
}

export interface PreparedEmailHtml {
  /** Safe to insert with `dangerouslySetInnerHTML`. */
  html: string;
  /** Remote images or backgrounds that exist in the mail (blocked unless `showRemote`). */
  remoteCount: number;
  /** Attachments shown inline through `cid:`, so the list below need not repeat them. */
  inlineAttachmentIds: string[];
  /** The mail sets its own colours, so it needs the light background it was written for. */
  ownColors: boolean;
}

const CONFIG: Config = {
  // HTML only: no SVG or MathML, whose namespaces are where mutation XSS lives.
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    // A <style> in the page would restyle the whole inbox, not just this mail.
    'style',
    'link',
    'meta',
    'base',
    'title',
    'form',
    'input',
    'button',
    'select',
    'option',
    'textarea',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'video',
    'audio',
    'source',
    'track',
    'picture',
    'dialog',
    'template',
    'slot',
  ],
  // `class` could borrow the inbox's own classes; `srcset` and `ping` reach remote hosts.
  FORBID_ATTR: ['class', 'srcset', 'sizes', 'ping', 'usemap', 'autofocus', 'tabindex'],
  // No `data-*` from the mail (it could impersonate `data-testid` or `data-message-id`)…
  ALLOW_DATA_ATTR: false,
  // …except where the server parked each blocked image's address.
  ADD_ATTR: ['data-remote-src'],
  // Prefix ids and names so a mail cannot clobber `document.x` or the inbox's own ids.
  SANITIZE_NAMED_PROPS: true,
};

/** Per-call state for the hook: sanitize() is synchronous, so one slot is enough. */
interface PassState extends EmailHtmlOptions {
  remoteCount: number;
  inline: Set<string>;
  ownColors: boolean;
}

let pass: PassState | null = null;
let purifier: ReturnType<typeof DOMPurify> | null = null;

const CSS_FUNCTION = /\b(?:url|image-set|-webkit-image-set|image|cross-fade|element)\s*\(/i;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * What a CSS value would fetch: nothing, remote http(s) addresses (allowed once the agent
 * asks), or something never allowed (a relative URL would hit our own API with the agent's
 * cookie; `image-set("…")` and friends fetch without url()).
 */
function cssFetches(value: string): 'nothing' | 'remote' | 'never' {
  if (!CSS_FUNCTION.test(value)) return 'nothing';
  const urls = [...value.matchAll(CSS_URL)].map((match) => (match[2] ?? '').trim());
  if (urls.length === 0) return 'never';
  let result: 'nothing' | 'remote' = 'nothing';
  for (const url of urls) {
    if (url.toLowerCase().startsWith('data:')) continue;
    if (!isHttpUrl(url)) return 'never';
    result = 'remote';
  }
  return result;
}

function normalizeCid(value: string): string {
  let cid = value.trim().replace(/^cid:/i, '').replace(/^<|>$/g, '');
  try {
    cid = decodeURIComponent(cid);
  } catch {
    // A stray % is still a usable id.
  }
  return cid.toLowerCase();
}

/** `cid:image001.png@01D9…` matches a file with that Content-ID, or named `image001.png`. */
function findInline(attachments: readonly Attachment[], src: string): Attachment | undefined {
  const cid = normalizeCid(src);
  if (!cid) return undefined;
  const local = cid.split('@')[0] ?? cid;
  return (
    attachments.find((file) => file.contentId && normalizeCid(file.contentId) === cid) ??
    attachments.find((file) => file.fileName.toLowerCase() === cid) ??
    attachments.find((file) => file.fileName.toLowerCase() === local)
  );
}

function hide(element: Element): void {
  element.removeAttribute('src');
  element.setAttribute('style', 'display:none');
}

function treatImage(image: Element, state: PassState): void {
  const src = image.getAttribute('src')?.trim() ?? '';
  let remote = image.getAttribute('data-remote-src')?.trim() ?? '';
  image.removeAttribute('src');
  image.setAttribute('loading', 'lazy');

  if (/^cid:/i.test(src)) {
    const file = findInline(state.attachments, src);
    if (file && file.state === 'ready' && file.contentType.startsWith('image/')) {
      image.setAttribute('src', file.url);
      state.inline.add(file.id);
    } else {
      // Not received (yet): the attachment list says so; a broken frame here would not.
      hide(image);
    }
    return;
  }
  if (/^data:image\//i.test(src)) {
    image.setAttribute('src', src);
    return;
  }
  // A remote address the server let through is blocked like the ones it parked.
  if (!remote && src) remote = src;
  if (!remote) return;
  if (!isHttpUrl(remote)) {
    hide(image);
    return;
  }
  state.remoteCount += 1;
  if (state.showRemote) {
    image.setAttribute('src', remote);
    image.setAttribute('referrerpolicy', 'no-referrer');
  }
}

function treatStyle(element: HTMLElement, state: PassState): void {
  const { style } = element;
  for (let index = style.length - 1; index >= 0; index -= 1) {
    const property = style.item(index);
    const value = style.getPropertyValue(property);
    if (/color|background/i.test(property) && value) state.ownColors = true;
    const fetches = cssFetches(value);
    if (fetches === 'remote') state.remoteCount += 1;
    if (fetches === 'never' || (fetches === 'remote' && !state.showRemote)) {
      style.removeProperty(property);
    }
  }
  if (style.length === 0) element.removeAttribute('style');
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

function treatLink(link: Element): void {
  const href = link.getAttribute('href')?.trim() ?? '';
  let protocol = '';
  try {
    protocol = new URL(href).protocol;
  } catch {
    // Relative: see below.
  }
  // Relative links and `#anchors` would point into the inbox itself, not anywhere the
  // sender meant; other schemes have no business in a support mail.
  if (!LINK_PROTOCOLS.has(protocol)) {
    link.removeAttribute('href');
    link.removeAttribute('target');
    return;
  }
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
  // Show where a link really goes: "your bank" may point anywhere.
  if (!link.getAttribute('title')) link.setAttribute('title', href);
}

function afterSanitizeAttributes(node: Element): void {
  const state = pass;
  if (!state || node.nodeType !== 1) return;
  const tag = node.nodeName.toLowerCase();

  if (tag === 'img') treatImage(node, state);
  if (tag === 'a' || tag === 'area') treatLink(node);
  if (node.hasAttribute('bgcolor') || (tag === 'font' && node.hasAttribute('color'))) {
    state.ownColors = true;
  }
  const background = node.getAttribute('background')?.trim();
  if (background !== undefined && !/^data:image\//i.test(background)) {
    const remote = isHttpUrl(background);
    if (remote) state.remoteCount += 1;
    if (!remote || !state.showRemote) node.removeAttribute('background');
  }
  if (node.hasAttribute('style') && 'style' in node) treatStyle(node as HTMLElement, state);
}

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // Our own instance, so these hooks never touch anyone else's use of DOMPurify.
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', afterSanitizeAttributes);
  return purifier;
}

/** Sanitizes (again) and prepares email HTML for the thread. */
export function prepareEmailHtml(dirty: string, options: EmailHtmlOptions): PreparedEmailHtml {
  const state: PassState = { ...options, remoteCount: 0, inline: new Set(), ownColors: false };
  const instance = getPurifier();
  if (!instance.isSupported) {
    return { html: '', remoteCount: 0, inlineAttachmentIds: [], ownColors: false };
  }
  pass = state;
  try {
    const html = instance.sanitize(dirty, { ...CONFIG, RETURN_TRUSTED_TYPE: false });
    return {
      html,
      remoteCount: state.remoteCount,
      inlineAttachmentIds: [...state.inline],
      ownColors: state.ownColors,
    };
  } finally {
    pass = null;
  }
}
