import type { WidgetConfig } from './api';
import { h } from './dom';
import { format, type Strings } from './i18n';
import { styles } from './styles';
import { composer, type ComposerActions } from './view-composer';
import { endingPanel, type EndingActions } from './view-ending';
import { prechatForm, type PrechatAnswers } from './view-prechat';
import { resumeBar, type ResumeActions, type ResumeState } from './view-resume';
import { endChatControl, statusLines } from './view-status';
import { threadItems, type ThreadState } from './view-thread';

export type { PrechatAnswers } from './view-prechat';

export interface ViewState extends ThreadState, ResumeState {
  open: boolean;
  stage: 'prechat' | 'chat';
  config: WidgetConfig;
  reconnecting: boolean;
  unread: number;
  starting: boolean;
  formError: string | null;
  /** Why the last picked file was refused before any upload. */
  fileError: string | null;
  /** The agent typing now, by name. */
  agentTyping: string | null;
}

export interface ViewActions extends ComposerActions, EndingActions, ResumeActions {
  toggle(): void;
  start(answers: PrechatAnswers): void;
  retryUpload(clientMessageId: string): void;
  /** Resolves to whether it ended. */
  endChat(): Promise<boolean>;
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
  const end = endChatControl(t, () => actions.endChat());
  const status = h('div', { class: 'status', 'data-testid': 'sb-status' });
  const resume = resumeBar(t, actions);
  const connection = h(
    'div',
    { class: 'connection', role: 'status', 'data-testid': 'sb-connection', hidden: '' },
    t.reconnecting,
  );

  const greeting = h('div', { class: 'greeting', 'data-testid': 'sb-greeting' });
  const prechat = prechatForm(config, t, (answers) => actions.start(answers));
  const messages = h('div', { class: 'messages', 'data-testid': 'sb-messages' });
  const typing = h('p', { class: 'typing', 'data-testid': 'sb-typing', hidden: '' });
  const ending = endingPanel(t, actions);
  const body = h(
    'div',
    { class: 'body' },
    greeting,
    prechat.form,
    messages,
    typing,
    ending.element,
  );
  const compose = composer(t, actions);

  const panel = h(
    'section',
    { class: 'panel', role: 'dialog', 'aria-label': config.name, 'data-testid': 'sb-panel' },
    h(
      'header',
      { class: 'header' },
      h('span', { class: 'title' }, config.name),
      end.button,
      minimize,
    ),
    end.bar,
    resume.element,
    connection,
    status,
    body,
    compose.element,
  );
  const root = h('div', { class: 'root', 'data-position': config.position }, panel, launcher);
  shadow.append(h('style', {}, styles), root);

  let renderedThread = '';
  let shownClosed: string | null = null;

  function render(state: ViewState) {
    panel.hidden = !state.open;
    launcher.setAttribute('aria-expanded', String(state.open));
    badge.hidden = state.unread === 0;
    badge.textContent = String(state.unread);
    connection.hidden = !state.reconnecting;
    resume.show(state);

    greeting.replaceChildren(
      state.name ? h('strong', {}, format(t.greetingNamed, { name: state.name })) : '',
      config.greeting ?? t.greeting,
    );
    const chatting = state.stage === 'chat';
    prechat.form.hidden = chatting;
    prechat.update(state);
    messages.hidden = !chatting;
    compose.show(chatting, state.fileError);
    const conversation = chatting ? state.conversation : null;
    end.show(!!conversation && conversation.status !== 'closed');
    status.replaceChildren(...statusLines(conversation, t));
    const typist = conversation?.status === 'closed' ? null : state.agentTyping;
    typing.hidden = !typist;
    typing.textContent = typist ? format(t.typing, { name: typist }) : '';
    ending.show(conversation);
    const closedNow = conversation?.status === 'closed' ? conversation.id : null;
    if (closedNow && closedNow !== shownClosed)
      // Just ended: bring why it ended, and the rating, into view.
      requestAnimationFrame(() => (body.scrollTop = ending.element.offsetTop - 8));
    shownClosed = closedNow;

    // Rebuilt only when something shown changed, so the list does not jump while reading;
    // upload progress moves in place.
    const nearBottom = body.scrollHeight - body.scrollTop - body.clientHeight < 60;
    const key = JSON.stringify([
      state.messages,
      state.joins,
      state.pending,
      state.uploads.map((upload) => [upload.clientMessageId, upload.state, upload.error]),
      conversation?.status,
      conversation?.offline,
      conversation?.reference,
    ]);
    if (key !== renderedThread) {
      renderedThread = key;
      messages.replaceChildren(...threadItems(state, t, (id) => actions.retryUpload(id)));
      if (nearBottom || state.pending.length > 0 || state.uploads.length > 0)
        body.scrollTop = body.scrollHeight;
    }
    for (const upload of state.uploads) {
      const bar = messages.querySelector<HTMLProgressElement>(
        `progress[data-upload="${upload.clientMessageId}"]`,
      );
      if (bar) bar.value = upload.progress;
    }
  }

  return { render, focusComposer: compose.focus };
}
