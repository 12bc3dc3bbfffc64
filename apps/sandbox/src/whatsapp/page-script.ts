/*
 * The page's script, sent inline. It talks only to the sandbox's own endpoints: Meta numbers
 * through /sandbox/meta/*, Twilio WhatsApp senders through /sandbox/twilio/*, and turns both
 * threads into one shape before drawing them. Network strings are written with textContent.
 */
export const whatsAppScript = `
const catalog = {
  en: {
    title: 'WhatsApp', business: 'Chat with', you: 'Your number', name: 'Your name',
    namePlaceholder: 'Name on your WhatsApp profile', placeholder: 'Message', send: 'Send',
    attach: 'Attach a photo', empty: 'No messages yet. Say hello!',
    noBusinesses: 'No WhatsApp business numbers are registered in the sandbox yet.',
    badNumber: 'Use international format, e.g. +5215550001111', replyingTo: 'Replying to',
    cancelReply: 'Cancel reply', react: 'React with', you_: 'You', photo: 'Photo', document: 'Document',
    location: 'Location', template: 'Template', cloudApi: 'Cloud API', twilio: 'Twilio',
    status: { accepted: 'Sending', queued: 'Sending', sent: 'Sent', delivered: 'Delivered', read: 'Read',
      failed: 'Not delivered', undelivered: 'Not delivered', received: 'Delivered' },
    appAnswered: 'The app answered HTTP {status}', appUnreachable: 'The app could not be reached',
    sendFailed: 'Could not send: {message}',
  },
  es: {
    title: 'WhatsApp', business: 'Chatear con', you: 'Tu número', name: 'Tu nombre',
    namePlaceholder: 'Nombre de tu perfil de WhatsApp', placeholder: 'Mensaje', send: 'Enviar',
    attach: 'Adjuntar una foto', empty: 'Aún no hay mensajes. ¡Saluda!',
    noBusinesses: 'Aún no hay números de WhatsApp de empresa registrados en el sandbox.',
    badNumber: 'Usa el formato internacional, p. ej. +5215550001111', replyingTo: 'Respondiendo a',
    cancelReply: 'Cancelar respuesta', react: 'Reaccionar con', you_: 'Tú', photo: 'Foto', document: 'Documento',
    location: 'Ubicación', template: 'Plantilla', cloudApi: 'Cloud API', twilio: 'Twilio',
    status: { accepted: 'Enviando', queued: 'Enviando', sent: 'Enviado', delivered: 'Entregado', read: 'Leído',
      failed: 'No entregado', undelivered: 'No entregado', received: 'Entregado' },
    appAnswered: 'La app respondió HTTP {status}', appUnreachable: 'No se pudo contactar con la app',
    sendFailed: 'No se pudo enviar: {message}',
  },
};
const lang = (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
const t = catalog[lang];
const fill = (text, values) => text.replace(/[{](\\w+)[}]/g, (_, key) => String(values[key] ?? ''));
document.documentElement.lang = lang;
document.title = t.title;

const EMOJIS = ['\\u{1F44D}', '\\u2764\\uFE0F', '\\u{1F602}', '\\u{1F62E}', '\\u{1F622}', '\\u{1F64F}'];
const E164 = /^[+][1-9][0-9]{6,14}$/;

const $ = (id) => document.getElementById(id);
const businessSelect = $('business'), numberInput = $('number'), nameInput = $('name');
const thread = $('thread'), input = $('text'), sendButton = $('send'), attachInput = $('attach');
const toast = $('toast'), hint = $('hint'), selection = $('selection'), replyQuote = $('reply-quote');
const emojiRow = $('emoji');
$('title').textContent = t.title;
$('business-label').textContent = t.business;
$('number-label').textContent = t.you;
$('name-label').textContent = t.name;
nameInput.placeholder = t.namePlaceholder;
input.placeholder = t.placeholder;
sendButton.textContent = t.send;
$('attach-label').title = t.attach;
attachInput.setAttribute('aria-label', t.attach);
$('cancel-reply').setAttribute('aria-label', t.cancelReply);
EMOJIS.forEach((emoji, index) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = emoji;
  button.dataset.testid = 'wa-react-' + index;
  button.setAttribute('aria-label', t.react + ' ' + emoji);
  button.addEventListener('click', () => void react(emoji));
  emojiRow.append(button);
});

const params = new URLSearchParams(location.search);
const stored = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
const remember = (key, value) => { try { localStorage.setItem(key, value); } catch { /* private mode */ } };
numberInput.value = params.get('customer') || stored('sandbox.whatsapp.customer') || '+5215550001111';
nameInput.value = params.get('name') || stored('sandbox.whatsapp.name') || '';
let wantedBusiness = params.get('business') || stored('sandbox.whatsapp.business') || '';
let businesses = [];
let entries = [];
let lastThread = '';
let selectedId = null;

const own = () => numberInput.value.trim();
const profileName = () => nameInput.value.trim() || undefined;
const business = () => businesses.find((entry) => entry.value === businessSelect.value);

function validateNumber() {
  const ok = E164.test(own());
  numberInput.setAttribute('aria-invalid', ok ? 'false' : 'true');
  hint.textContent = ok ? '' : t.badNumber;
  return ok;
}

async function getJson(url) {
  const response = await fetch(url);
  return response.ok ? response.json() : [];
}

async function loadBusinesses() {
  const [meta, twilio] = await Promise.all([getJson('/sandbox/meta/numbers'), getJson('/sandbox/twilio/numbers')]);
  const next = [
    ...meta.map((entry) => ({ provider: 'meta', value: 'meta:' + entry.phoneNumberId,
      id: entry.phoneNumberId, number: entry.displayPhoneNumber, label: entry.displayPhoneNumber + ' \\u00B7 ' + t.cloudApi })),
    ...twilio.filter((entry) => entry.number.startsWith('whatsapp:')).map((entry) => ({ provider: 'twilio',
      value: 'twilio:' + entry.number, id: entry.number, number: entry.number.slice(9), label: entry.number.slice(9) + ' \\u00B7 ' + t.twilio })),
  ];
  if (next.map((entry) => entry.value).join() === businesses.map((entry) => entry.value).join()) return;
  const current = businessSelect.value || wantedBusiness;
  businesses = next;
  businessSelect.replaceChildren(...next.map((entry) => {
    const option = document.createElement('option');
    option.value = entry.value;
    option.textContent = entry.label;
    return option;
  }));
  const match = next.find((entry) => entry.value === current || entry.id === current || entry.number === current);
  if (match) businessSelect.value = match.value;
  lastThread = '';
  await refresh();
}

/** Twilio's thread in the page's shape: Twilio carries no reactions, quotes by message SID. */
function fromTwilio(list) {
  const byId = new Map(list.map((entry) => [entry.sid, entry]));
  return list.map((entry) => {
    const quoted = entry.repliedMessageSid ? byId.get(entry.repliedMessageSid) : undefined;
    const mediaUrl = entry.phoneMediaUrls[0];
    const delivered = entry.webhookStatus !== null && entry.webhookStatus < 300;
    return {
      id: entry.sid, direction: entry.direction, type: mediaUrl ? 'image' : 'text', text: entry.body || null,
      media: mediaUrl ? { url: mediaUrl, mimeType: null, filename: null } : null, location: null,
      template: entry.contentSid ? { name: '', language: '' } : null, buttons: [],
      replyTo: quoted ? { id: quoted.sid, direction: quoted.direction, type: 'text', text: quoted.body } : null,
      reactions: { customer: null, business: null },
      status: entry.direction === 'out' ? (delivered ? 'delivered' : 'sent') : entry.status,
      errors: entry.errorCode ? [{ code: entry.errorCode, title: entry.errorMessage || '', details: '' }] : [],
      webhookStatus: entry.webhookStatus, createdAt: entry.createdAt,
    };
  });
}

function threadUrl(target) {
  if (target.provider === 'meta') {
    return '/sandbox/meta/thread?' + new URLSearchParams({ customer: own(), business: target.id });
  }
  return '/sandbox/twilio/thread?' + new URLSearchParams({ customer: 'whatsapp:' + own(), business: target.id });
}

function summary(entry) {
  if (entry.text) return entry.text;
  if (entry.type === 'image') return '\\u{1F4F7} ' + t.photo;
  if (entry.type === 'document') return '\\u{1F4C4} ' + t.document;
  if (entry.type === 'location') return '\\u{1F4CD} ' + t.location;
  return entry.type;
}

function tick(status) {
  const span = document.createElement('span');
  span.className = 'tick ' + status;
  span.setAttribute('aria-label', t.status[status] || status);
  span.textContent = { accepted: '\\u25F7', queued: '\\u25F7', sent: '\\u2713', delivered: '\\u2713\\u2713',
    read: '\\u2713\\u2713', failed: '!', undelivered: '!' }[status] || '';
  return span;
}

const timeFormat = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });

function quoteBlock(replyTo) {
  const quote = document.createElement('div');
  quote.className = 'quote';
  const who = document.createElement('strong');
  who.textContent = replyTo.direction === 'out' ? t.you_ : (business()?.number || '');
  const text = document.createElement('span');
  text.textContent = summary(replyTo);
  quote.append(who, text);
  return quote;
}

function mediaNode(media, type) {
  if (!media.url) return null;
  const isImage = type === 'image' || type === 'sticker' || (media.mimeType || '').startsWith('image/');
  const link = document.createElement('a');
  link.href = media.url;
  link.target = '_blank';
  link.rel = 'noreferrer';
  link.textContent = '\\u{1F4C4} ' + (media.filename || t.document);
  if (!isImage) return link;
  const image = document.createElement('img');
  image.src = media.url;
  image.alt = t.photo;
  image.addEventListener('error', () => image.replaceWith(link), { once: true });
  return image;
}

function bubble(entry) {
  const node = document.createElement('div');
  node.className = 'bubble';
  node.tabIndex = 0;
  node.setAttribute('role', 'button');
  node.setAttribute('aria-pressed', String(entry.id === selectedId));
  node.dataset.testid = 'wa-message';
  node.dataset.direction = entry.direction;
  node.dataset.status = entry.status;
  node.dataset.id = entry.id;
  if (entry.replyTo) {
    const quote = quoteBlock(entry.replyTo);
    quote.dataset.testid = 'wa-quote';
    node.append(quote);
  }
  if (entry.template) {
    const label = document.createElement('div');
    label.className = 'label';
    label.textContent = t.template + (entry.template.name ? ' \\u00B7 ' + entry.template.name : '');
    node.append(label);
  }
  const media = entry.media && mediaNode(entry.media, entry.type);
  if (media) node.append(media);
  const text = document.createElement('span');
  text.className = 'text';
  text.dataset.testid = 'wa-text';
  if (entry.location) {
    text.textContent = '\\u{1F4CD} ' + [entry.location.name, entry.location.address].filter(Boolean).join(', ')
      + ' (' + entry.location.latitude + ', ' + entry.location.longitude + ')';
  } else {
    text.textContent = entry.text || (media ? '' : summary(entry));
  }
  node.append(text);
  if (entry.buttons.length > 0) {
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    for (const title of entry.buttons) {
      const span = document.createElement('span');
      span.textContent = title;
      buttons.append(span);
    }
    node.append(buttons);
  }
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.append(document.createTextNode(timeFormat.format(new Date(entry.createdAt))));
  if (entry.direction === 'out') meta.append(tick(entry.status));
  node.append(meta);
  const problems = [];
  for (const error of entry.errors) problems.push(error.title + ' (' + error.code + ')');
  if (entry.direction === 'out' && entry.webhookStatus === null && entry.status !== 'read') problems.push(t.appUnreachable);
  else if (entry.direction === 'out' && entry.webhookStatus >= 300) problems.push(fill(t.appAnswered, { status: entry.webhookStatus }));
  if (problems.length > 0) {
    const problem = document.createElement('div');
    problem.className = 'problem';
    problem.textContent = problems.join(' \\u00B7 ');
    node.append(problem);
  }
  const reactions = [entry.reactions.business, entry.reactions.customer].filter(Boolean);
  if (reactions.length > 0) {
    node.classList.add('reacted');
    const badge = document.createElement('span');
    badge.className = 'reactions';
    badge.dataset.testid = 'wa-reaction';
    badge.textContent = reactions.join('');
    node.append(badge);
  }
  node.addEventListener('click', () => select(entry.id));
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(entry.id); }
  });
  return node;
}

function render() {
  const nodes = [];
  if (!business()) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = t.noBusinesses;
    nodes.push(empty);
  } else if (entries.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = t.empty;
    nodes.push(empty);
  }
  const nearBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < 80;
  for (const entry of entries) nodes.push(bubble(entry));
  thread.replaceChildren(...nodes);
  if (nearBottom) thread.scrollTop = thread.scrollHeight;
  renderSelection();
}

function renderSelection() {
  const entry = entries.find((candidate) => candidate.id === selectedId);
  if (!entry) selectedId = null;
  selection.hidden = !entry;
  if (!entry) return;
  replyQuote.replaceChildren(...quoteBlock(entry).childNodes);
  // Customers react to the business's messages; Twilio does not carry WhatsApp reactions.
  emojiRow.hidden = entry.direction !== 'in' || business()?.provider !== 'meta';
  for (const [index, button] of [...emojiRow.children].entries()) {
    button.setAttribute('aria-pressed', String(entry.reactions.customer === EMOJIS[index]));
  }
}

function select(id) {
  selectedId = selectedId === id ? null : id;
  for (const node of thread.querySelectorAll('[data-testid="wa-message"]')) {
    node.setAttribute('aria-pressed', String(node.dataset.id === selectedId));
  }
  renderSelection();
  if (selectedId) input.focus();
}

/** Reading the chat while it is on screen is what turns the business's ticks blue. */
async function markRead(target) {
  if (document.visibilityState !== 'visible') return;
  const unread = entries.some((entry) => entry.direction === 'in' &&
    (entry.status === 'delivered' || (target.provider === 'meta' && entry.status === 'sent')));
  if (!unread) return;
  const url = target.provider === 'meta' ? '/sandbox/meta/read' : '/sandbox/twilio/read';
  const body = target.provider === 'meta'
    ? { customer: own(), business: target.id }
    : { customer: 'whatsapp:' + own(), business: target.id };
  await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function refresh() {
  const target = business();
  if (!target || !validateNumber()) {
    entries = [];
    if (lastThread !== 'none') render();
    lastThread = 'none';
    return;
  }
  const response = await fetch(threadUrl(target));
  if (!response.ok) return;
  const text = await response.text();
  if (text !== lastThread) {
    lastThread = text;
    const list = JSON.parse(text);
    entries = target.provider === 'meta' ? list : fromTwilio(list);
    render();
  }
  await markRead(target);
}

async function post(url, body) {
  toast.textContent = '';
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok && !answer.id && !answer.messageSid) {
      toast.textContent = fill(t.sendFailed, { message: answer.error?.message || response.status });
      return false;
    }
    return true;
  } catch (error) {
    toast.textContent = fill(t.sendFailed, { message: error.message });
    return false;
  }
}

/** Sends what the customer wrote (text, or a photo with the text as caption) to the business. */
async function sendMessage(content) {
  const target = business();
  if (!target || !validateNumber()) return false;
  remember('sandbox.whatsapp.customer', own());
  if (profileName()) remember('sandbox.whatsapp.name', profileName());
  const replyTo = selectedId;
  let ok;
  if (target.provider === 'meta') {
    ok = await post('/sandbox/meta/messages', {
      from: own(), profileName: profileName(), to: target.id,
      ...(content.image ? { type: 'image', image: content.image } : { type: 'text', text: content.text }),
      ...(replyTo ? { contextMessageId: replyTo } : {}),
    });
  } else {
    ok = await post('/sandbox/twilio/sms', {
      from: 'whatsapp:' + own(), to: target.id, profileName: profileName(),
      body: content.image ? (content.image.caption || '') : content.text,
      ...(content.image ? { media: [{ contentType: content.image.contentType, dataBase64: content.image.dataBase64 }] } : {}),
      ...(replyTo ? { replyToSid: replyTo } : {}),
    });
  }
  if (ok) {
    selectedId = null;
    lastThread = '';
    await refresh();
  }
  return ok;
}

async function send() {
  const text = input.value;
  if (text.trim() === '') return;
  sendButton.disabled = true;
  try {
    if (await sendMessage({ text })) input.value = '';
  } finally {
    sendButton.disabled = false;
    input.focus();
  }
}

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] || '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function attach() {
  const file = attachInput.files && attachInput.files[0];
  attachInput.value = '';
  if (!file) return;
  const caption = input.value.trim();
  const image = { contentType: file.type || 'image/jpeg', dataBase64: await readFile(file), ...(caption ? { caption } : {}) };
  if (await sendMessage({ image })) input.value = '';
}

async function react(emoji) {
  const target = business();
  const entry = entries.find((candidate) => candidate.id === selectedId);
  if (!target || target.provider !== 'meta' || !entry || !validateNumber()) return;
  // Tapping the emoji already chosen takes the reaction back, as WhatsApp does.
  const chosen = entry.reactions.customer === emoji ? '' : emoji;
  const ok = await post('/sandbox/meta/messages', {
    from: own(), profileName: profileName(), to: target.id, type: 'reaction',
    reaction: { messageId: entry.id, emoji: chosen },
  });
  if (ok) {
    selectedId = null;
    lastThread = '';
    await refresh();
  }
}

numberInput.addEventListener('change', () => {
  if (validateNumber()) remember('sandbox.whatsapp.customer', own());
  lastThread = '';
  void refresh();
});
numberInput.addEventListener('input', validateNumber);
nameInput.addEventListener('change', () => remember('sandbox.whatsapp.name', nameInput.value.trim()));
businessSelect.addEventListener('change', () => {
  wantedBusiness = businessSelect.value;
  remember('sandbox.whatsapp.business', wantedBusiness);
  selectedId = null;
  lastThread = '';
  void refresh();
});
$('cancel-reply').addEventListener('click', () => select(selectedId));
sendButton.addEventListener('click', () => void send());
attachInput.addEventListener('change', () => void attach());
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    void send();
  }
  if (event.key === 'Escape' && selectedId) select(selectedId);
});
document.addEventListener('visibilitychange', () => void refresh().catch(() => {}));

// Polling keeps the page independent of any push channel; a second is fast enough for ticks.
const poll = () => refresh().catch(() => {});
void loadBusinesses().catch(() => {}).then(poll);
setInterval(poll, 1000);
setInterval(() => loadBusinesses().catch(() => {}), 5000);
`;
