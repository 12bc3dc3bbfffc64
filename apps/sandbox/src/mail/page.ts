import type { FastifyInstance } from 'fastify';
import { mailScript } from './page-script';
import { mailStyles } from './page-styles';

/*
 * The customer's mailbox: one self-contained page (no build step) the demo opens next to the
 * agent inbox. The customer writes to the support address, sees the business's answers
 * threaded, and replies the way Gmail, Outlook, Apple Mail or a plain-text client would.
 */
export const mailPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mail</title>
<style>${mailStyles}</style>
</head>
<body>
<div class="layout">
  <aside class="panel">
    <h1 id="title">Mail</h1>
    <div class="field">
      <label id="from-label" for="from">Your address</label>
      <input id="from" type="email" data-testid="mail-from" autocomplete="email" spellcheck="false">
      <p class="hint" id="hint" role="alert"></p>
    </div>
    <div class="field">
      <label id="name-label" for="name">Your name</label>
      <input id="name" data-testid="mail-name" autocomplete="name" maxlength="200">
    </div>
    <h2 id="compose-title">New message</h2>
    <div class="field">
      <label id="to-label" for="to">To</label>
      <input id="to" type="email" data-testid="mail-to" spellcheck="false">
    </div>
    <div class="field">
      <label id="subject-label" for="subject">Subject</label>
      <input id="subject" data-testid="mail-subject" maxlength="900">
    </div>
    <div class="field">
      <label id="text-label" for="text">Message</label>
      <textarea id="text" data-testid="mail-text"></textarea>
    </div>
    <button id="send" class="primary" type="button" data-testid="mail-send">Send</button>
    <p class="toast" id="toast" role="status"></p>
  </aside>
  <main>
    <h1 id="inbox-title">Your mail</h1>
    <div class="threads" id="threads" aria-live="polite"></div>
  </main>
</div>
<script>${mailScript}</script>
</body>
</html>
`;

export function registerMailPage(app: FastifyInstance): void {
  app.get('/mail', (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      // Mail HTML is shown only in sandboxed srcdoc frames, which inherit this policy too.
      .header(
        'content-security-policy',
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src * data: blob:; frame-src 'self' about:",
      )
      .header('cache-control', 'no-store')
      .send(mailPageHtml),
  );
}
