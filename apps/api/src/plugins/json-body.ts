import type { FastifyInstance } from 'fastify';

const utf8 = new TextDecoder('utf-8', { fatal: true });
// A `\u0000` escape that is not itself escaped: an even run of backslashes (or none) before it.
const NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/;

/**
 * JSON text we can store, or why not. Bytes that are not UTF-8 would otherwise turn silently
 * into U+FFFD, and Postgres keeps no NUL character in text or jsonb: both are the sender's fault.
 */
export function storableJsonText(raw: Buffer): { text: string } | { problem: string } {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return { problem: 'The body is not valid UTF-8.' };
  }
  if (NUL_ESCAPE.test(text)) return { problem: 'Text may not contain NUL characters (\\u0000).' };
  return { text };
}

/**
 * A provider's signed body is never refused for what it contains, so no customer's message is
 * lost: what Postgres cannot hold (NUL) becomes U+FFFD, as bytes that are not UTF-8 already do.
 */
export function storableProviderText(raw: Buffer): string {
  return raw.toString('utf8').replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd');
}

/** Fastify's own JSON parsing (prototype poisoning refused), after the checks above. */
export function registerJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const checked = storableJsonText(body as Buffer);
    if ('problem' in checked)
      return done(Object.assign(new Error(checked.problem), { statusCode: 400 }), undefined);
    return parse(request, checked.text, done);
  });
}
