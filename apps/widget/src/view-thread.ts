import type { Attachment, ChatMessage, Conversation, Join, Person } from './api';
import { parseContact } from './contact';
import { h } from './dom';
import { format, type Strings } from './i18n';
import type { StoredOutgoing } from './storage';
import type { Upload } from './uploads';

export interface ThreadState {
  conversation: Conversation | null;
  messages: readonly ChatMessage[];
  joins: readonly Join[];
  pending: readonly StoredOutgoing[];
  uploads: readonly Upload[];
  name: string | null;
  /** The email or phone the visitor gave on this browser, as typed. */
  contact: string | null;
}

/**
 * The conversation as the visitor reads it: the offline-message confirmation, messages and
 * "<agent> joined" lines in time order, then what is still on its way.
 */
export function threadItems(state: ThreadState, t: Strings, retryUpload: (id: string) => void) {
  const timed: Array<{ at: string; node: HTMLElement }> = [
    // Listed first so that a join and the agent's first reply in the same instant keep that order.
    ...state.joins.map((join) => ({ at: join.at, node: joinLine(join, t) })),
    ...state.messages.map((message) => ({ at: message.createdAt, node: messageElement(message) })),
  ];
  timed.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return [
    offlineConfirmation(state, t),
    ...timed.map((item) => item.node),
    ...state.pending.map((message) => pendingElement(message, t)),
    ...state.uploads.map((upload) => uploadElement(upload, t, retryUpload)),
  ];
}

/** After the offline form: what happens next, and where the answer will go. */
function offlineConfirmation(state: ThreadState, t: Strings) {
  const { conversation } = state;
  const sentOffline = state.pending.some((message) => message.offline);
  if (!sentOffline && !(conversation?.offline && conversation.status !== 'closed')) return '';
  const typed = state.contact ? parseContact(state.contact) : null;
  const email = typed && 'email' in typed ? typed.email : conversation?.contactEmail;
  const answer =
    typed && 'phone' in typed
      ? format(t.offlineBySms, { address: typed.phone })
      : email
        ? format(t.offlineByEmail, { address: email })
        : t.offlineSoon;
  return h(
    'div',
    { class: 'confirmation', role: 'status', 'data-testid': 'sb-offline-confirmation' },
    h('strong', {}, t.offlineThanks),
    h('p', {}, answer),
    conversation ? h('p', {}, format(t.reference, { reference: conversation.reference })) : null,
    h('p', {}, t.offlineContinue),
  );
}

export function avatar(person: Person) {
  if (person.avatarUrl) return h('img', { class: 'avatar', src: person.avatarUrl, alt: '' });
  const initials = person.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials);
}

function joinLine(join: Join, t: Strings) {
  return h(
    'div',
    { class: 'join', 'data-testid': 'sb-join' },
    avatar(join.agent),
    h('span', {}, format(t.joined, { name: join.agent.name })),
  );
}

function messageElement(message: ChatMessage) {
  const fromAgent = message.direction === 'outbound' && !message.automatic;
  return h(
    'div',
    {
      class: 'message',
      'data-testid': 'sb-message',
      'data-direction': message.direction,
      'data-automatic': String(message.automatic),
      'data-state': 'listed',
      title: new Date(message.createdAt).toLocaleString(),
    },
    fromAgent && message.author ? h('span', { class: 'author' }, message.author.name) : null,
    message.text || null,
    ...message.attachments.map(attachmentElement),
  );
}

function attachmentElement(file: Attachment) {
  const link = h('a', {
    class: 'file',
    href: file.url,
    target: '_blank',
    rel: 'noopener noreferrer',
    'data-testid': 'sb-attachment',
  });
  if (file.contentType.startsWith('image/'))
    link.append(h('img', { class: 'thumb', src: file.url, alt: file.fileName }));
  else link.append(`📎 ${file.fileName}`);
  return link;
}

function pendingElement(message: StoredOutgoing, t: Strings) {
  const state = message.failed ? 'failed' : message.accepted ? 'sent' : 'sending';
  const label = message.failed ? t.notSent : message.accepted ? t.sent : t.sending;
  return h(
    'div',
    {
      class: 'message',
      'data-testid': 'sb-message',
      'data-direction': 'inbound',
      'data-automatic': 'false',
      'data-state': state,
    },
    message.text,
    h('span', { class: 'state' }, label),
  );
}

function uploadElement(upload: Upload, t: Strings, retry: (id: string) => void) {
  const failed = upload.state === 'failed';
  const retryButton = failed
    ? h('button', { type: 'button', class: 'link', 'data-testid': 'sb-upload-retry' }, t.retry)
    : null;
  retryButton?.addEventListener('click', () => retry(upload.clientMessageId));
  return h(
    'div',
    {
      class: 'message',
      'data-testid': 'sb-upload',
      'data-direction': 'inbound',
      'data-state': upload.state,
    },
    upload.previewUrl
      ? h('img', { class: 'thumb', src: upload.previewUrl, alt: upload.fileName })
      : `📎 ${upload.fileName}`,
    upload.state === 'uploading'
      ? h('progress', {
          max: '1',
          value: String(upload.progress),
          'aria-label': t.uploading,
          'data-upload': upload.clientMessageId,
          'data-testid': 'sb-upload-progress',
        })
      : null,
    h(
      'span',
      { class: 'state' },
      failed ? (upload.error ?? t.notSent) : upload.state === 'sent' ? t.sent : t.uploading,
    ),
    retryButton,
  );
}
