export interface TwimlMessage {
  body: string;
  mediaUrls: string[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return entities[entity.toLowerCase()] ?? whole;
  });
}

function elementTexts(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => decodeXml(match[1] ?? '').trim());
}

/**
 * The replies an app asks for in its TwiML answer to an incoming-message webhook:
 * `<Message>text</Message>` or `<Message><Body>…</Body><Media>…</Media></Message>`.
 * Twilio sends each one back to the customer, so the sandbox does too.
 */
export function twimlMessages(xml: string): TwimlMessage[] {
  if (!/<Response\b/.test(xml)) return [];
  return [...xml.matchAll(/<Message\b[^>]*>([\s\S]*?)<\/Message>/g)].flatMap((match) => {
    const inner = match[1] ?? '';
    const mediaUrls = elementTexts(inner, 'Media');
    const body = /<Body\b/.test(inner)
      ? elementTexts(inner, 'Body').join('')
      : decodeXml(inner.replace(/<Media\b[\s\S]*?<\/Media>/g, '').replace(/<[^>]*>/g, '')).trim();
    return body === '' && mediaUrls.length === 0 ? [] : [{ body, mediaUrls }];
  });
}
