import type { FastifyInstance } from 'fastify';

/*
 * The customer's phone: one self-contained page (no build step) so the demo can open it
 * next to the agent inbox. It only talks to the sandbox's own endpoints. Every string from
 * the network is written with textContent, never innerHTML, so a text cannot inject markup.
 */
const styles = `
:root {
  color-scheme: light dark;
  --bg: #e9edf2; --phone: #ffffff; --bar: #f6f7f9; --line: #dde1e6; --text: #111418;
  --muted: #6b7280; --mine: #0b84ff; --mine-text: #ffffff; --theirs: #e5e7eb; --theirs-text: #111418;
  --ok: #0b84ff; --bad: #dc2626;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #0b0d10; --phone: #000000; --bar: #111317; --line: #262a31; --text: #f3f4f6;
    --muted: #9ca3af; --theirs: #26282c; --theirs-text: #f3f4f6; --ok: #4aa3ff; --bad: #f87171; }
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: var(--bg); color: var(--text); }
body { display: flex; justify-content: center; align-items: center; }
.phone { width: 100%; max-width: 400px; height: 100dvh; max-height: 820px; background: var(--phone);
  display: flex; flex-direction: column; overflow: hidden; }
@media (min-width: 480px) {
  .phone { border-radius: 36px; border: 10px solid #1f2328; height: 92dvh; box-shadow: 0 20px 60px rgba(0,0,0,.25); }
}
header { background: var(--bar); border-bottom: 1px solid var(--line); padding: 10px 14px 8px; }
header h1 { margin: 0 0 8px; font-size: 17px; text-align: center; font-weight: 600; }
.row { display: flex; align-items: center; gap: 8px; margin-top: 6px; font-size: 13px; }
.row label { width: 92px; color: var(--muted); flex: none; }
.row input, .row select { flex: 1; min-width: 0; font: inherit; font-size: 14px; padding: 6px 8px;
  border: 1px solid var(--line); border-radius: 8px; background: var(--phone); color: var(--text); }
.row input[aria-invalid="true"] { border-color: var(--bad); }
.hint { color: var(--bad); font-size: 12px; min-height: 0; margin: 4px 0 0 100px; }
.hint:empty { display: none; }
main { flex: 1; overflow-y: auto; padding: 12px 12px 4px; display: flex; flex-direction: column; gap: 2px; }
.empty { margin: auto; color: var(--muted); font-size: 14px; text-align: center; padding: 0 24px; }
.bubble { max-width: 78%; padding: 8px 12px; border-radius: 18px; font-size: 15px; line-height: 1.3;
  white-space: pre-wrap; overflow-wrap: anywhere; margin-top: 6px; }
.bubble[data-direction="out"] { align-self: flex-end; background: var(--mine); color: var(--mine-text);
  border-bottom-right-radius: 6px; }
.bubble[data-direction="in"] { align-self: flex-start; background: var(--theirs); color: var(--theirs-text);
  border-bottom-left-radius: 6px; }
.bubble img { display: block; max-width: 100%; border-radius: 12px; margin-bottom: 4px; }
.bubble a { color: inherit; }
.meta { font-size: 11px; color: var(--muted); margin: 2px 6px 0; display: flex; gap: 4px; align-items: center; }
.meta.out { align-self: flex-end; }
.meta.in { align-self: flex-start; }
.tick { font-weight: 700; letter-spacing: -2px; }
.tick.delivered, .tick.sent { color: var(--ok); }
.tick.bad { color: var(--bad); letter-spacing: 0; }
footer { border-top: 1px solid var(--line); background: var(--bar); padding: 8px; display: flex; gap: 8px; }
footer textarea { flex: 1; resize: none; font: inherit; font-size: 15px; padding: 8px 14px; border-radius: 20px;
  border: 1px solid var(--line); background: var(--phone); color: var(--text); max-height: 120px; }
footer button { flex: none; border: 0; border-radius: 20px; padding: 0 16px; font: inherit; font-weight: 600;
  background: var(--mine); color: #fff; cursor: pointer; }
footer button:disabled { opacity: .5; cursor: default; }
.toast { color: var(--bad); font-size: 12px; padding: 0 14px 6px; background: var(--bar); }
.toast:empty { display: none; }
`;

const script = `
const catalog = {
  en: {
    title: 'Messages', you: 'Your number', business: 'Texting', placeholder: 'Text message', send: 'Send',
    empty: 'No messages yet. Say hello!', noNumbers: 'No business numbers are registered in the sandbox yet.',
    badNumber: 'Use international format, e.g. +15005550006',
    status: { queued: 'Queued', accepted: 'Queued', sent: 'Sent', delivered: 'Delivered',
      undelivered: 'Not delivered', failed: 'Failed', received: 'Delivered to the app' },
    appAnswered: 'The app answered HTTP {status}', appUnreachable: 'The app could not be reached',
    sendFailed: 'Could not send: {message}', errorCode: 'error {code}',
  },
  es: {
    title: 'Mensajes', you: 'Tu número', business: 'Escribiendo a', placeholder: 'Mensaje de texto', send: 'Enviar',
    empty: 'Aún no hay mensajes. ¡Saluda!', noNumbers: 'Aún no hay números de empresa registrados en el sandbox.',
    badNumber: 'Usa el formato internacional, p. ej. +15005550006',
    status: { queued: 'En cola', accepted: 'En cola', sent: 'Enviado', delivered: 'Entregado',
      undelivered: 'No entregado', failed: 'Falló', received: 'Entregado a la app' },
    appAnswered: 'La app respondió HTTP {status}', appUnreachable: 'No se pudo contactar con la app',
    sendFailed: 'No se pudo enviar: {message}', errorCode: 'error {code}',
  },
};
const lang = (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
const t = catalog[lang];
const fill = (text, values) => text.replace(/\\{(\\w+)\\}/g, (_, key) => String(values[key] ?? ''));
document.documentElement.lang = lang;
document.title = t.title;

const $ = (id) => document.getElementById(id);
const ownInput = $('own'), businessSelect = $('business'), thread = $('thread'), input = $('text');
const sendButton = $('send'), toast = $('toast'), hint = $('hint');
$('title').textContent = t.title;
$('own-label').textContent = t.you;
$('business-label').textContent = t.business;
input.placeholder = t.placeholder;
sendButton.textContent = t.send;

const E164 = /^\\+[1-9]\\d{6,14}$/;
const params = new URLSearchParams(location.search);
const stored = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
const remember = (key, value) => { try { localStorage.setItem(key, value); } catch { /* private mode */ } };
ownInput.value = params.get('customer') || stored('sandbox.phone.customer') || '+15005550006';
let wantedBusiness = params.get('business') || stored('sandbox.phone.business') || '';
let lastThread = '';

const own = () => ownInput.value.trim();
const business = () => businessSelect.value;

function validateOwn() {
  const ok = E164.test(own());
  ownInput.setAttribute('aria-invalid', ok ? 'false' : 'true');
  hint.textContent = ok ? '' : t.badNumber;
  return ok;
}

async function loadNumbers() {
  const response = await fetch('/sandbox/twilio/numbers');
  if (!response.ok) return;
  const numbers = await response.json();
  const current = business() || wantedBusiness;
  const values = numbers.map((entry) => entry.number);
  if (values.join() === [...businessSelect.options].map((option) => option.value).join()) return;
  businessSelect.replaceChildren(...values.map((value) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    return option;
  }));
  if (values.includes(current)) businessSelect.value = current;
  lastThread = '';
  await refresh();
}

function tick(status) {
  const span = document.createElement('span');
  span.className = 'tick ' + status;
  const marks = { queued: '\\u25F7', accepted: '\\u25F7', sent: '\\u2713', delivered: '\\u2713\\u2713' };
  if (status === 'undelivered' || status === 'failed') {
    span.classList.add('bad');
    span.textContent = '!';
  } else {
    span.textContent = marks[status] || '';
  }
  return span;
}

const timeFormat = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });

function render(messages) {
  if (!business()) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = t.noNumbers;
    thread.replaceChildren(empty);
    return;
  }
  if (messages.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = t.empty;
    thread.replaceChildren(empty);
    return;
  }
  const nearBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < 80;
  const nodes = [];
  for (const message of messages) {
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.dataset.testid = 'phone-message';
    bubble.dataset.direction = message.direction;
    bubble.dataset.status = message.status;
    bubble.dataset.sid = message.sid;
    // The phone's own copies: Twilio's media URLs need the account's credentials.
    for (const url of message.phoneMediaUrls ?? message.mediaUrls) {
      if (/\\.(png|jpe?g|gif|webp)(\\?|$)/i.test(url) || url.startsWith('/sandbox/')) {
        const image = document.createElement('img');
        image.src = url;
        image.alt = '';
        bubble.append(image);
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.target = '_blank';
        link.rel = 'noreferrer';
        link.textContent = url;
        bubble.append(link, document.createElement('br'));
      }
    }
    bubble.append(document.createTextNode(message.body));
    const meta = document.createElement('div');
    meta.className = 'meta ' + message.direction;
    const parts = [timeFormat.format(new Date(message.createdAt))];
    if (message.direction === 'in') {
      meta.append(tick(message.status));
      parts.push(t.status[message.status] || message.status);
      if (message.errorCode) parts.push(fill(t.errorCode, { code: message.errorCode }));
    } else if (message.webhookStatus === null) {
      parts.push(t.appUnreachable);
      meta.append(tick('failed'));
    } else if (message.webhookStatus >= 300) {
      parts.push(fill(t.appAnswered, { status: message.webhookStatus }));
      meta.append(tick('failed'));
    } else {
      parts.push(t.status.received);
    }
    meta.append(document.createTextNode(parts.join(' \\u00B7 ')));
    nodes.push(bubble, meta);
  }
  thread.replaceChildren(...nodes);
  if (nearBottom) thread.scrollTop = thread.scrollHeight;
}

async function refresh() {
  if (!business() || !validateOwn()) {
    if (lastThread !== 'none') render([]);
    lastThread = 'none';
    return;
  }
  const query = new URLSearchParams({ customer: own(), business: business() });
  const response = await fetch('/sandbox/twilio/thread?' + query);
  if (!response.ok) return;
  const text = await response.text();
  if (text === lastThread) return;
  lastThread = text;
  render(JSON.parse(text));
}

async function send() {
  const body = input.value;
  if (body.trim() === '' || !business() || !validateOwn()) return;
  sendButton.disabled = true;
  toast.textContent = '';
  try {
    const response = await fetch('/sandbox/twilio/sms', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: own(), to: business(), body }),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok && !answer.messageSid) {
      toast.textContent = fill(t.sendFailed, { message: answer.error?.message || response.status });
    } else {
      input.value = '';
    }
  } catch (error) {
    toast.textContent = fill(t.sendFailed, { message: error.message });
  } finally {
    sendButton.disabled = false;
    input.focus();
    await refresh();
  }
}

ownInput.addEventListener('change', () => {
  if (validateOwn()) remember('sandbox.phone.customer', own());
  lastThread = '';
  void refresh();
});
ownInput.addEventListener('input', validateOwn);
businessSelect.addEventListener('change', () => {
  remember('sandbox.phone.business', business());
  wantedBusiness = business();
  lastThread = '';
  void refresh();
});
sendButton.addEventListener('click', () => void send());
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    void send();
  }
});

// Polling keeps the page independent of any push channel; a second is fast enough for ticks.
const poll = () => refresh().catch(() => {});
void loadNumbers().catch(() => {}).then(poll);
setInterval(poll, 1000);
setInterval(() => loadNumbers().catch(() => {}), 5000);
`;

export const phonePageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Messages</title>
<style>${styles}</style>
</head>
<body>
<div class="phone">
  <header>
    <h1 id="title">Messages</h1>
    <div class="row">
      <label id="own-label" for="own">Your number</label>
      <input id="own" data-testid="phone-number" inputmode="tel" autocomplete="tel" spellcheck="false">
    </div>
    <p class="hint" id="hint" role="alert"></p>
    <div class="row">
      <label id="business-label" for="business">Texting</label>
      <select id="business" data-testid="phone-business"></select>
    </div>
  </header>
  <main id="thread" aria-live="polite"></main>
  <p class="toast" id="toast" role="alert"></p>
  <footer>
    <textarea id="text" rows="1" data-testid="phone-input" aria-label="Text message"></textarea>
    <button id="send" type="button" data-testid="phone-send">Send</button>
  </footer>
</div>
<script>${script}</script>
</body>
</html>
`;

export function registerPhonePage(app: FastifyInstance): void {
  app.get('/phone', (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src * data:",
      )
      .header('cache-control', 'no-store')
      .send(phonePageHtml),
  );
}
