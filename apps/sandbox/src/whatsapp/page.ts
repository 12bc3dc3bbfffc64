import type { FastifyInstance } from 'fastify';
import { whatsAppScript } from './page-script';
import { whatsAppStyles } from './page-styles';

/*
 * The customer's WhatsApp: one self-contained page (no build step) the demo opens next to the
 * agent inbox. It chats with any WhatsApp business the sandbox knows, on Meta's Cloud API or
 * on Twilio, and shows what a customer's phone would: ticks, photos, quotes and reactions.
 */
export const whatsAppPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>WhatsApp</title>
<style>${whatsAppStyles}</style>
</head>
<body>
<div class="phone">
  <header>
    <h1 id="title">WhatsApp</h1>
    <div class="row">
      <label id="business-label" for="business">Chat with</label>
      <select id="business" data-testid="wa-business"></select>
    </div>
    <div class="row">
      <label id="number-label" for="number">Your number</label>
      <input id="number" data-testid="wa-number" inputmode="tel" autocomplete="tel" spellcheck="false">
    </div>
    <p class="hint" id="hint" role="alert"></p>
    <div class="row">
      <label id="name-label" for="name">Your name</label>
      <input id="name" data-testid="wa-name" autocomplete="name" maxlength="256">
    </div>
  </header>
  <main id="thread" aria-live="polite"></main>
  <p class="toast" id="toast" role="alert"></p>
  <div class="composer">
    <div class="selection" id="selection" hidden>
      <div class="emoji" id="emoji" role="group"></div>
      <div class="reply" data-testid="wa-reply">
        <div class="quote" id="reply-quote"></div>
        <button id="cancel-reply" type="button" data-testid="wa-reply-cancel">\u2715</button>
      </div>
    </div>
    <footer>
      <label class="attach" id="attach-label">\u{1F4CE}<input id="attach" type="file" accept="image/jpeg,image/png,image/webp" data-testid="wa-attach"></label>
      <textarea id="text" rows="1" data-testid="wa-input" aria-label="Message"></textarea>
      <button id="send" type="button" data-testid="wa-send">Send</button>
    </footer>
  </div>
</div>
<script>${whatsAppScript}</script>
</body>
</html>
`;

export function registerWhatsAppPage(app: FastifyInstance): void {
  app.get('/whatsapp', (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src * data: blob:",
      )
      .header('cache-control', 'no-store')
      .send(whatsAppPageHtml),
  );
}
