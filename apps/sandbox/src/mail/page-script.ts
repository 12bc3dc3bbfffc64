/*
 * The mail page's script, sent inline. It talks only to /sandbox/mail/*. Every string from
 * the network is written with textContent; a message's HTML is only ever shown inside an
 * iframe with an empty sandbox attribute (no scripts, no same origin, no forms).
 */
export const mailScript = `
const catalog = {
  en: {
    title: 'Mail', you: 'Your address', name: 'Your name', namePlaceholder: 'Name your mail shows',
    to: 'To', subject: 'Subject', text: 'Message', send: 'Send', compose: 'New message',
    inbox: 'Your mail', empty: 'No mail yet. Write to the support address to start.',
    badAddress: 'Use an email address, e.g. sam@customer.test', reply: 'Reply', replySend: 'Send reply',
    cancel: 'Cancel', client: 'Mail client', you_: 'You', toLabel: 'to', showHtml: 'Show formatted',
    showText: 'Show plain text', quoted: 'Show quoted text', noSubject: '(no subject)',
    sent: 'Sent.', refused: 'Not accepted: {response}', failed: 'Could not send: {message}',
    clients: { gmail: 'Gmail', outlook: 'Outlook (Spanish)', apple: 'Apple Mail', plain: 'Plain text' },
  },
  es: {
    title: 'Correo', you: 'Tu dirección', name: 'Tu nombre', namePlaceholder: 'Nombre que muestra tu correo',
    to: 'Para', subject: 'Asunto', text: 'Mensaje', send: 'Enviar', compose: 'Mensaje nuevo',
    inbox: 'Tu correo', empty: 'Aún no hay correo. Escribe a la dirección de soporte para empezar.',
    badAddress: 'Usa una dirección de correo, p. ej. sam@customer.test', reply: 'Responder',
    replySend: 'Enviar respuesta', cancel: 'Cancelar', client: 'Cliente de correo', you_: 'Tú', toLabel: 'para',
    showHtml: 'Ver con formato', showText: 'Ver texto sin formato', quoted: 'Mostrar texto citado',
    noSubject: '(sin asunto)', sent: 'Enviado.', refused: 'No aceptado: {response}',
    failed: 'No se pudo enviar: {message}',
    clients: { gmail: 'Gmail', outlook: 'Outlook (español)', apple: 'Apple Mail', plain: 'Texto sin formato' },
  },
};
const lang = (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
const t = catalog[lang];
const fill = (text, values) => text.replace(/[{](\\w+)[}]/g, (_, key) => String(values[key] ?? ''));
document.documentElement.lang = lang;
document.title = t.title;

const ADDRESS = /^[^\\s@<>]+@[^\\s@<>]+[.][^\\s@<>]+$/;
const CLIENTS = ['gmail', 'outlook', 'apple', 'plain'];
const $ = (id) => document.getElementById(id);
const fromInput = $('from'), nameInput = $('name'), toInput = $('to'), subjectInput = $('subject');
const textInput = $('text'), sendButton = $('send'), threadsNode = $('threads'), toast = $('toast');
const hint = $('hint');
for (const [id, key] of [['title', 'title'], ['from-label', 'you'], ['name-label', 'name'], ['to-label', 'to'],
  ['subject-label', 'subject'], ['text-label', 'text'], ['compose-title', 'compose'], ['inbox-title', 'inbox']]) {
  $(id).textContent = t[key];
}
nameInput.placeholder = t.namePlaceholder;
sendButton.textContent = t.send;

const params = new URLSearchParams(location.search);
const stored = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
const remember = (key, value) => { try { localStorage.setItem(key, value); } catch { /* private mode */ } };
fromInput.value = params.get('address') || stored('sandbox.mail.address') || 'sam@customer.test';
nameInput.value = params.get('name') || stored('sandbox.mail.name') || '';
toInput.value = params.get('to') || stored('sandbox.mail.to') || '';

let items = [];
let lastMailbox = '';
const formatted = new Set();
const timeFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const own = () => fromInput.value.trim();

// One reply form, moved under whichever message is being answered, so what the customer typed
// survives the page redrawing the mailbox.
const reply = { messageId: null, form: document.createElement('div') };
reply.form.className = 'reply-form';
const clientRow = document.createElement('div');
clientRow.className = 'row';
const clientLabel = document.createElement('label');
clientLabel.textContent = t.client;
clientLabel.htmlFor = 'reply-client';
const clientSelect = document.createElement('select');
clientSelect.id = 'reply-client';
clientSelect.dataset.testid = 'mail-client';
for (const client of CLIENTS) {
  const option = document.createElement('option');
  option.value = client;
  option.textContent = t.clients[client];
  clientSelect.append(option);
}
clientSelect.value = CLIENTS.includes(stored('sandbox.mail.client')) ? stored('sandbox.mail.client') : 'gmail';
clientRow.append(clientLabel, clientSelect);
const replyText = document.createElement('textarea');
replyText.dataset.testid = 'mail-reply-text';
replyText.setAttribute('aria-label', t.reply);
const replyActions = document.createElement('div');
replyActions.className = 'actions';
const replySend = document.createElement('button');
replySend.type = 'button';
replySend.className = 'primary';
replySend.dataset.testid = 'mail-reply-send';
replySend.textContent = t.replySend;
const replyCancel = document.createElement('button');
replyCancel.type = 'button';
replyCancel.textContent = t.cancel;
replyActions.append(replySend, replyCancel);
reply.form.append(clientRow, replyText, replyActions);

function validate(input) {
  const ok = ADDRESS.test(input.value.trim());
  input.setAttribute('aria-invalid', ok ? 'false' : 'true');
  return ok;
}

function validateOwn() {
  const ok = validate(fromInput);
  hint.textContent = ok ? '' : t.badAddress;
  return ok;
}

/** Prefixes clients add, so a reply lands in its original's thread when headers do not say. */
function subjectKey(subject) {
  return (subject || '').replace(/^((re|rv|fw|fwd|aw|automatic reply|respuesta autom\\u00E1tica)\\s*:\\s*)+/i, '')
    .trim().toLowerCase();
}

/** Threads by References / In-Reply-To first, then by subject; newest activity first. */
function threadsOf(list) {
  const threads = [];
  const byMessageId = new Map();
  const bySubject = new Map();
  for (const item of list) {
    const related = [item.inReplyTo, ...item.references].filter(Boolean);
    const key = subjectKey(item.subject);
    let thread = related.map((id) => byMessageId.get(id)).find(Boolean) || bySubject.get(key);
    if (!thread) {
      thread = { subject: item.subject, items: [] };
      threads.push(thread);
    }
    thread.items.push(item);
    if (item.messageId) byMessageId.set(item.messageId, thread);
    if (!bySubject.has(key)) bySubject.set(key, thread);
  }
  return threads.reverse();
}

/** Splits a reply from the history it quotes, which mail clients fold away. */
function splitQuoted(text) {
  const lines = (text || '').split(/\\r?\\n/);
  const start = lines.findIndex((line) =>
    /^>/.test(line) || /^On .+ wrote:$/.test(line.trim()) || /^El .+ escribi\\u00F3:$/.test(line.trim()) ||
    /^_{20,}$/.test(line.trim()) || /^-+ ?Original Message ?-+$/i.test(line.trim()));
  if (start <= 0) return { own: text || '', quoted: start === 0 ? text : '' };
  return { own: lines.slice(0, start).join('\\n').trimEnd(), quoted: lines.slice(start).join('\\n') };
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The business's HTML, in a frame with every sandbox restriction: no scripts, forms or origin. */
function htmlFrame(item) {
  const frame = element('iframe', 'html');
  frame.setAttribute('sandbox', '');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.title = item.subject || t.noSubject;
  frame.srcdoc = item.html;
  return frame;
}

function messageNode(item) {
  const node = element('article', 'message');
  node.dataset.testid = 'mail-message';
  node.dataset.direction = item.direction;
  node.dataset.messageId = item.messageId || '';
  const head = element('div', 'head');
  const mine = item.direction === 'out';
  head.append(element('strong', '', mine ? t.you_ : (item.fromName || item.from || '?')));
  if (!mine && item.fromName && item.from) head.append(element('span', 'address', '<' + item.from + '>'));
  const time = element('time', '', timeFormat.format(new Date(item.date || item.storedAt)));
  time.dateTime = item.date || item.storedAt;
  head.append(time);
  node.append(head, element('div', 'recipients', t.toLabel + ' ' + item.to.join(', ')));

  if (item.html && formatted.has(item.id)) {
    node.append(htmlFrame(item));
  } else {
    const parts = splitQuoted(item.text);
    const body = element('div', 'body', parts.own);
    body.dataset.testid = 'mail-body';
    node.append(body);
    if (parts.quoted) {
      const details = element('details', 'quoted');
      details.append(element('summary', '', t.quoted), element('div', '', parts.quoted));
      node.append(details);
    }
  }
  if (item.attachments.length > 0) {
    const list = element('div', 'attachments');
    for (const file of item.attachments) {
      list.append(element('span', '', '\\u{1F4CE} ' + (file.fileName || file.contentType) + ' (' + Math.ceil(file.size / 1024) + ' KB)'));
    }
    node.append(list);
  }
  if (item.delivery && !item.delivery.accepted) node.append(element('div', 'problem', fill(t.refused, item.delivery)));

  const actions = element('div', 'actions');
  if (item.html) {
    const toggle = element('button', '', formatted.has(item.id) ? t.showText : t.showHtml);
    toggle.type = 'button';
    toggle.dataset.testid = 'mail-show-html';
    toggle.addEventListener('click', () => {
      if (formatted.has(item.id)) formatted.delete(item.id); else formatted.add(item.id);
      render();
    });
    actions.append(toggle);
  }
  if (!mine && item.messageId) {
    const replyButton = element('button', '', t.reply);
    replyButton.type = 'button';
    replyButton.dataset.testid = 'mail-reply';
    replyButton.addEventListener('click', () => openReply(item.messageId));
    actions.append(replyButton);
  }
  if (actions.childElementCount > 0) node.append(actions);
  if (reply.messageId && reply.messageId === item.messageId && !mine) node.append(reply.form);
  return node;
}

function render() {
  const typing = reply.form.contains(document.activeElement) ? document.activeElement : null;
  const nodes = [];
  for (const thread of threadsOf(items)) {
    const section = element('section', 'panel thread');
    section.append(element('h2', '', thread.subject || t.noSubject));
    for (const item of thread.items) section.append(messageNode(item));
    nodes.push(section);
  }
  if (nodes.length === 0) nodes.push(element('p', 'empty panel', t.empty));
  if (reply.messageId && !items.some((item) => item.messageId === reply.messageId)) reply.messageId = null;
  threadsNode.replaceChildren(...nodes);
  if (typing && reply.form.isConnected) typing.focus();
}

function openReply(messageId) {
  reply.messageId = messageId;
  render();
  replyText.focus();
}

function closeReply() {
  reply.messageId = null;
  replyText.value = '';
  render();
}

async function refresh() {
  if (!validateOwn()) {
    items = [];
    if (lastMailbox !== 'none') render();
    lastMailbox = 'none';
    return;
  }
  const response = await fetch('/sandbox/mail/mailbox?' + new URLSearchParams({ address: own() }));
  if (!response.ok) return;
  const text = await response.text();
  if (text === lastMailbox) return;
  lastMailbox = text;
  items = JSON.parse(text).items;
  render();
}

async function post(url, body) {
  toast.className = 'toast';
  toast.textContent = '';
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      toast.textContent = fill(t.failed, { message: answer.error?.message || response.status });
      return false;
    }
    if (!answer.accepted) {
      toast.textContent = fill(t.refused, answer);
      return false;
    }
    toast.className = 'toast ok';
    toast.textContent = t.sent;
    return true;
  } catch (error) {
    toast.textContent = fill(t.failed, { message: error.message });
    return false;
  } finally {
    lastMailbox = '';
    await refresh().catch(() => {});
  }
}

function rememberIdentity() {
  remember('sandbox.mail.address', own());
  remember('sandbox.mail.name', nameInput.value.trim());
}

async function send() {
  if (!validateOwn() || !validate(toInput)) return;
  if (subjectInput.value.trim() === '' && textInput.value.trim() === '') return;
  rememberIdentity();
  remember('sandbox.mail.to', toInput.value.trim());
  sendButton.disabled = true;
  try {
    const ok = await post('/sandbox/mail/send', {
      from: own(), ...(nameInput.value.trim() ? { fromName: nameInput.value.trim() } : {}),
      to: toInput.value.trim(), subject: subjectInput.value.trim(), text: textInput.value,
    });
    if (ok) {
      subjectInput.value = '';
      textInput.value = '';
    }
  } finally {
    sendButton.disabled = false;
  }
}

async function sendReply() {
  if (!reply.messageId || replyText.value.trim() === '' || !validateOwn()) return;
  rememberIdentity();
  replySend.disabled = true;
  try {
    const ok = await post('/sandbox/mail/reply', {
      messageId: reply.messageId, from: own(), client: clientSelect.value, text: replyText.value,
      ...(nameInput.value.trim() ? { fromName: nameInput.value.trim() } : {}),
    });
    if (ok) closeReply();
  } finally {
    replySend.disabled = false;
  }
}

async function loadSettings() {
  const response = await fetch('/sandbox/mail/settings');
  if (!response.ok) return;
  const settings = await response.json();
  if (!toInput.value && settings.supportAddress) toInput.value = settings.supportAddress;
}

fromInput.addEventListener('input', validateOwn);
fromInput.addEventListener('change', () => {
  if (validateOwn()) rememberIdentity();
  reply.messageId = null;
  lastMailbox = '';
  void refresh();
});
nameInput.addEventListener('change', rememberIdentity);
toInput.addEventListener('input', () => validate(toInput));
sendButton.addEventListener('click', () => void send());
replySend.addEventListener('click', () => void sendReply());
replyCancel.addEventListener('click', closeReply);
clientSelect.addEventListener('change', () => remember('sandbox.mail.client', clientSelect.value));

// Polling keeps the page independent of any push channel; mail is not a chat, 2 s is plenty.
const poll = () => refresh().catch(() => {});
void loadSettings().catch(() => {}).then(poll);
setInterval(poll, 2000);
`;
