import type { ChatMessage, VisitorConversation, WidgetConfig } from './api';
import { h } from './dom';
import { format, type Strings } from './i18n';
import type { StoredOutgoing } from './storage';
import { styles } from './styles';

export interface ViewState {
  open: boolean;
  stage: 'prechat' | 'chat';
  name: string | null;
  conversation: VisitorConversation['conversation'];
  messages: readonly ChatMessage[];
  pending: readonly StoredOutgoing[];
  reconnecting: boolean;
  unread: number;
  starting: boolean;
  formError: string | null;
}

export interface PrechatAnswers {
  name: string;
  contact: string;
  teamId: string | null;
}

export interface ViewActions {
  toggle(): void;
  start(answers: PrechatAnswers): void;
  send(text: string): void;
  typing(): void;
}

const chatIcon =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

/**
 * The widget's DOM, built once inside a shadow root; `render` brings it in line with the state.
 * Form fields are never rebuilt, so what the visitor is typing survives every update.
 */
export function createView(
  host: HTMLElement,
  config: WidgetConfig,
  t: Strings,
  actions: ViewActions,
) {
  const shadow = host.attachShadow({ mode: 'open' });
  host.style.setProperty('--sb-color', config.color ?? '#228be6');

  const badge = h('span', { class: 'badge', 'data-testid': 'sb-badge', hidden: '' });
  const launcher = h('button', {
    class: 'launcher',
    type: 'button',
    'aria-label': t.open,
    'data-testid': 'sb-launcher',
  });
  launcher.innerHTML = chatIcon; // a constant icon, no visitor data
  launcher.append(badge);
  launcher.addEventListener('click', () => actions.toggle());

  const minimize = h('button', { type: 'button', 'aria-label': t.minimize }, '–');
  minimize.addEventListener('click', () => actions.toggle());
  const status = h('div', { class: 'status', 'data-testid': 'sb-status' });
  const connection = h(
    'div',
    { class: 'connection', role: 'status', 'data-testid': 'sb-connection', hidden: '' },
    t.reconnecting,
  );

  const greeting = h('div', { class: 'greeting', 'data-testid': 'sb-greeting' });
  const { form, nameInput, formError, submit } = prechatForm(config, t, actions);
  const messages = h('div', { class: 'messages', 'data-testid': 'sb-messages' });
  const body = h('div', { class: 'body' }, greeting, form, messages);

  const textarea = h('textarea', {
    placeholder: t.placeholder,
    'aria-label': t.placeholder,
    'data-testid': 'sb-composer',
  });
  const sendButton = h(
    'button',
    { class: 'primary', type: 'submit', 'data-testid': 'sb-send' },
    t.send,
  );
  const composer = h('form', { class: 'composer' }, textarea, sendButton);
  const sendTyped = () => {
    const text = textarea.value.trim();
    if (!text) return;
    textarea.value = '';
    actions.send(text);
  };
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    sendTyped();
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendTyped();
    }
  });
  textarea.addEventListener('input', () => actions.typing());

  const panel = h(
    'section',
    { class: 'panel', role: 'dialog', 'aria-label': config.name, 'data-testid': 'sb-panel' },
    h('header', { class: 'header' }, h('span', { class: 'title' }, config.name), minimize),
    connection,
    status,
    body,
    composer,
  );
  const root = h('div', { class: 'root', 'data-position': config.position }, panel, launcher);
  shadow.append(h('style', {}, styles), root);

  let renderedMessages = '';

  function render(state: ViewState) {
    panel.hidden = !state.open;
    launcher.setAttribute('aria-expanded', String(state.open));
    badge.hidden = state.unread === 0;
    badge.textContent = String(state.unread);
    connection.hidden = !state.reconnecting;

    greeting.replaceChildren(
      state.name ? h('strong', {}, format(t.greetingNamed, { name: state.name })) : '',
      config.greeting ?? t.greeting,
    );
    const chatting = state.stage === 'chat';
    form.hidden = chatting;
    messages.hidden = !chatting;
    composer.hidden = !chatting;
    submit.disabled = state.starting;
    formError.textContent = state.formError ?? '';
    if (!chatting && state.name && !nameInput.value) nameInput.value = state.name;

    status.replaceChildren(...statusLines(state.conversation, t));

    // Rebuilt only when something shown changed, so the list does not jump while reading.
    const key = JSON.stringify([state.messages, state.pending, state.conversation?.status]);
    if (key !== renderedMessages) {
      renderedMessages = key;
      const nearBottom = body.scrollHeight - body.scrollTop - body.clientHeight < 60;
      messages.replaceChildren(
        ...state.messages.map((message) => messageElement(message)),
        ...state.pending.map((message) => pendingElement(message, t)),
        state.conversation?.status === 'closed'
          ? h('p', { class: 'notice', 'data-testid': 'sb-closed' }, t.closed)
          : '',
      );
      if (nearBottom || state.pending.length > 0) body.scrollTop = body.scrollHeight;
    }
  }

  return {
    render,
    focusComposer: () => textarea.focus(),
  };
}

function prechatForm(config: WidgetConfig, t: Strings, actions: ViewActions) {
  const nameInput = h('input', { name: 'name', autocomplete: 'name', 'data-testid': 'sb-name' });
  const contactInput = h('input', {
    name: 'contact',
    autocomplete: 'email',
    'data-testid': 'sb-contact',
  });
  const subject = h('select', { name: 'team', 'data-testid': 'sb-subject' });
  for (const team of config.teams) subject.append(h('option', { value: team.id }, team.name));
  const formError = h('p', { class: 'error', role: 'alert', 'data-testid': 'sb-form-error' });
  const submit = h(
    'button',
    { class: 'primary', type: 'submit', 'data-testid': 'sb-start' },
    t.start,
  );
  const form = h(
    'form',
    { novalidate: '', 'data-testid': 'sb-prechat' },
    h('label', {}, t.name, nameInput),
    h('label', {}, t.contact, contactInput, h('span', { class: 'hint' }, t.contactHint)),
    // A choice of one is no choice: the inbox's team takes it.
    config.teams.length > 1 ? h('label', {}, t.subject, subject) : null,
    formError,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.start({
      name: nameInput.value,
      contact: contactInput.value,
      teamId: config.teams.length > 1 ? subject.value : null,
    });
  });
  return { form, nameInput, formError, submit };
}

function statusLines(conversation: VisitorConversation['conversation'], t: Strings) {
  if (!conversation) return [];
  const lines = [
    h(
      'p',
      { class: 'reference', 'data-testid': 'sb-reference' },
      format(t.reference, { reference: conversation.reference }),
    ),
  ];
  if (conversation.status === 'waiting')
    lines.push(
      h(
        'p',
        { 'data-testid': 'sb-queue' },
        conversation.queuePosition ? format(t.queue, { n: conversation.queuePosition }) : t.waiting,
      ),
    );
  if (conversation.status === 'open' && conversation.agent)
    lines.push(h('p', { 'data-testid': 'sb-agent' }, format(t.agent, conversation.agent)));
  return lines;
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
    message.text,
  );
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
