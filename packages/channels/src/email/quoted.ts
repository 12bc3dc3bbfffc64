import { DomUtils, parseDocument } from 'htmlparser2';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Parameters<typeof DomUtils.getAttributeValue>[0];

/** A mail body split into what the sender wrote now and the history their client quoted. */
export interface QuoteSplit {
  body: string;
  quoted: string | null;
}

/** "On … wrote:" in the languages our customers write in; German puts the verb first. */
const ATTRIBUTION = [
  /^(?:on|el|em|le|il|op|den)\s.{4,400}\s(?:wrote|escribió|escribio|escreveu|a écrit|ha scritto|schreef|skrev)\s*:$/i,
  /^am\s.{4,400}\sschrieb\s.*:$/i,
];
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:original message|mensaje original|mensagem original|message d'origine|message original|ursprüngliche nachricht|original-nachricht|messaggio originale)\s*-{2,}$/i;
/** Outlook's header block of the mail answered: From, then Sent/Date/Subject within a few lines. */
const FROM_LABEL = /^\*?(?:from|de|von|da|van)\s*:\*?\s*\S/i;
const SENT_LABEL =
  /^\*?(?:sent|date|enviado|enviada|fecha|data|gesendet|datum|envoyé|inviato|subject|asunto|assunto|betreff|objet|oggetto)\s*:/i;

/**
 * A forwarded mail is what the customer wants us to read, not history: Gmail's and Apple
 * Mail's forward markers in the languages our customers write in.
 */
const FORWARDED =
  /^(?:-+\s*)?(?:forwarded message|begin forwarded message|mensaje reenviado|inicio del mensaje reenviado|mensagem encaminhada|início da mensagem encaminhada|message transféré|début du message réexpédié|weitergeleitete nachricht|anfang der weitergeleiteten nachricht)\b/i;

const isAttribution = (text: string) => ATTRIBUTION.some((pattern) => pattern.test(text));

/** Splits plain text. Customer words interleaved with quotes are never hidden. */
export function splitQuotedText(text: string): QuoteSplit {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const start = quoteStart(lines);
  const whole = { body: normalized.trim(), quoted: null };
  if (start === null) return whole;
  const body = lines.slice(0, start).join('\n').trim();
  // A mail that is nothing but history (a bare forward) shows it all rather than nothing.
  if (!body) return whole;
  return { body, quoted: lines.slice(start).join('\n').trim() };
}

function quoteStart(lines: string[]): number | null {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (FORWARDED.test(line)) return null;
    if (ORIGINAL_MESSAGE.test(line)) return index;
    if (/^_{8,}$/.test(line) && isHeaderBlock(lines, index + 1)) return index;
    if (isHeaderBlock(lines, index)) return index;
    const span = attributionSpan(lines, index);
    if (span && onlyQuotesFrom(lines, index + span)) return index;
    if (line.startsWith('>') && onlyQuotesFrom(lines, index)) return index;
  }
  return null;
}

function isHeaderBlock(lines: string[], index: number): boolean {
  if (!FROM_LABEL.test(lines[index]?.trim() ?? '')) return false;
  return lines.slice(index + 1, index + 5).some((line) => SENT_LABEL.test(line.trim()));
}

/** Gmail wraps a long attribution over two or three lines. */
function attributionSpan(lines: string[], index: number): number {
  for (let span = 1; span <= 3 && index + span <= lines.length; span++) {
    const joined = lines
      .slice(index, index + span)
      .map((line) => line.trim())
      .join(' ');
    if (isAttribution(joined)) return span;
  }
  return 0;
}

/** Everything left is `>` quoting (blank lines aside), and there is some. */
function onlyQuotesFrom(lines: string[], index: number): boolean {
  const rest = lines.slice(index).filter((line) => line.trim() !== '');
  return rest.length > 0 && rest.every((line) => line.trimStart().startsWith('>'));
}

/**
 * Splits HTML where a mail client starts its quote: Gmail's `gmail_quote`, Apple Mail's and
 * Thunderbird's `<blockquote type="cite">` with the "On … wrote:" line before it, Outlook's
 * `divRplyFwdMsg` or a rule followed by From:/De:/Von:. Everything after that point is history.
 */
export function splitQuotedHtml(html: string): QuoteSplit {
  const document = parseDocument(html);
  const start = DomUtils.findOne(isQuoteStart, document.children, true);
  if (!start) return { body: html, quoted: null };
  const boundary = start.name === 'blockquote' ? withAttribution(start) : withLeadingRule(start);
  // An answer written between or below quoted paragraphs is the customer's, not history.
  if (start.name === 'blockquote' && visibleText(nodesFrom(start).slice(1), true).trim() !== '') {
    return { body: html, quoted: null };
  }
  const quotedNodes = nodesFrom(boundary);
  if (FORWARDED.test(visibleText(quotedNodes, false).trim())) return { body: html, quoted: null };
  const quoted = DomUtils.getOuterHTML(quotedNodes);
  for (const node of quotedNodes) DomUtils.removeElement(node);
  if (!hasVisibleContent(document.children)) return { body: html, quoted: null };
  return { body: DomUtils.getOuterHTML(document.children), quoted };
}

function classes(element: HtmlElement): string[] {
  return (element.attribs.class ?? '').toLowerCase().split(/\s+/);
}

const QUOTE_CLASSES = [
  'gmail_quote',
  'gmail_quote_container',
  'moz-cite-prefix',
  'yahoo_quoted',
  'protonmail_quote',
];
const QUOTE_IDS = ['divrplyfwdmsg', 'appendonsend'];

function isQuoteStart(element: HtmlElement): boolean {
  if (classes(element).some((name) => QUOTE_CLASSES.includes(name))) return true;
  if (QUOTE_IDS.includes((element.attribs.id ?? '').toLowerCase())) return true;
  if (element.name === 'blockquote' && element.attribs.type?.toLowerCase() === 'cite') return true;
  if (element.name === 'hr') {
    const next = nextMeaningful(element, 'next');
    return next !== null && startsWithFromLabel(next);
  }
  // Outlook for Windows: the answered mail's headers sit in a div with a top border.
  return (
    element.name === 'div' &&
    /border-top\s*:/i.test(element.attribs.style ?? '') &&
    startsWithFromLabel(element)
  );
}

const startsWithFromLabel = (node: HtmlNode) =>
  FROM_LABEL.test(collapse(DomUtils.textContent(node)));

const collapse = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Apple Mail and Thunderbird put "On … wrote:" just before the blockquote. */
function withAttribution(blockquote: HtmlElement): HtmlNode {
  const previous = nextMeaningful(blockquote, 'prev');
  return previous && isAttribution(collapse(DomUtils.textContent(previous)))
    ? previous
    : blockquote;
}

/** Outlook draws a rule above `divRplyFwdMsg`; it belongs to the history too. */
function withLeadingRule(start: HtmlElement): HtmlNode {
  const previous = nextMeaningful(start, 'prev');
  return previous && DomUtils.isTag(previous) && previous.name === 'hr' ? previous : start;
}

/** The nearest sibling that is not blank text, a comment or a line break. */
function nextMeaningful(node: HtmlNode, direction: 'next' | 'prev'): HtmlNode | null {
  let sibling = direction === 'next' ? node.next : node.prev;
  while (sibling) {
    const blank =
      (DomUtils.isText(sibling) && collapse(sibling.data) === '') ||
      DomUtils.isComment(sibling) ||
      (DomUtils.isTag(sibling) && sibling.name === 'br');
    if (!blank) return sibling;
    sibling = direction === 'next' ? sibling.next : sibling.prev;
  }
  return null;
}

/** The node and everything after it in document order, as the fewest whole subtrees. */
function nodesFrom(node: HtmlNode): HtmlNode[] {
  const nodes: HtmlNode[] = [];
  for (let sibling: HtmlNode | null = node; sibling; sibling = sibling.next) nodes.push(sibling);
  for (let parent = node.parent; parent && DomUtils.isTag(parent); parent = parent.parent) {
    for (let sibling = parent.next; sibling; sibling = sibling.next) nodes.push(sibling);
  }
  return nodes;
}

const INVISIBLE = new Set(['head', 'style', 'script', 'title', 'xml', 'template']);

/** Text a reader would see, optionally leaving quoted blocks out. */
function visibleText(nodes: HtmlNode[], outsideQuotes: boolean): string {
  return nodes
    .map((node) => {
      if (DomUtils.isText(node)) return node.data;
      if (!DomUtils.isTag(node) || INVISIBLE.has(node.name)) return '';
      if (outsideQuotes && node.name === 'blockquote') return '';
      return visibleText(node.children, outsideQuotes);
    })
    .join(' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

function hasVisibleContent(nodes: HtmlNode[]): boolean {
  return (
    visibleText(nodes, false).trim() !== '' ||
    DomUtils.findOne((element) => element.name === 'img', nodes, true) !== null
  );
}
