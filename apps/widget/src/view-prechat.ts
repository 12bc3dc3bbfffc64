import type { WidgetConfig } from './api';
import { parseContact } from './contact';
import { h } from './dom';
import type { Strings } from './i18n';

export interface PrechatAnswers {
  name: string;
  contact: string;
  teamId: string | null;
  /** Set when nobody could answer now: the offline-message form was shown. */
  message: string | null;
}

/** The answers in the form the API takes, or what the visitor must fix first. */
export function checkAnswers(
  answers: PrechatAnswers,
  t: Strings,
):
  | { error: string }
  | {
      name: string;
      contact: NonNullable<ReturnType<typeof parseContact>>;
      message: string | null;
    } {
  const name = answers.name.trim();
  const contact = parseContact(answers.contact);
  const message = answers.message?.trim() ?? null;
  if (!name) return { error: t.nameRequired };
  if (!contact) return { error: t.contactInvalid };
  if (message === '') return { error: t.messageRequired };
  return { name, contact, message };
}

/** Nobody of the chosen team (or, with one team, of the inbox) can answer now. */
export function nobodyOnline(config: WidgetConfig, teamId: string | null): boolean {
  const team = teamId ? config.teams.find((candidate) => candidate.id === teamId) : undefined;
  return team ? !team.online : !config.online;
}

/**
 * Name, email or phone, and the subject when there is a choice. When nobody of the chosen team
 * is online it becomes the offline-message form: the same fields plus the message itself.
 */
export function prechatForm(
  initial: WidgetConfig,
  t: Strings,
  start: (answers: PrechatAnswers) => void,
) {
  let config = initial;
  // A choice of one is no choice: the inbox's team takes it.
  const choosing = initial.teams.length > 1;
  const nameInput = h('input', { name: 'name', autocomplete: 'name', 'data-testid': 'sb-name' });
  const contactInput = h('input', {
    name: 'contact',
    autocomplete: 'email',
    'data-testid': 'sb-contact',
  });
  const subject = h('select', { name: 'team', 'data-testid': 'sb-subject' });
  for (const team of initial.teams) subject.append(h('option', { value: team.id }, team.name));
  const notice = h('p', { class: 'offline-notice', 'data-testid': 'sb-offline-notice' });
  notice.textContent = t.offlineNotice;
  const messageInput = h('textarea', { name: 'message', 'data-testid': 'sb-offline-message' });
  const messageField = h('label', {}, t.message, messageInput);
  const formError = h('p', { class: 'error', role: 'alert', 'data-testid': 'sb-form-error' });
  const submit = h('button', { class: 'primary', type: 'submit', 'data-testid': 'sb-start' });
  const form = h(
    'form',
    { novalidate: '', 'data-testid': 'sb-prechat' },
    h('label', {}, t.name, nameInput),
    h('label', {}, t.contact, contactInput, h('span', { class: 'hint' }, t.contactHint)),
    choosing ? h('label', {}, t.subject, subject) : null,
    notice,
    messageField,
    formError,
    submit,
  );

  const teamId = () => (choosing ? subject.value : null);
  const offline = () => nobodyOnline(config, teamId());
  function showMode() {
    const away = offline();
    form.dataset.mode = away ? 'offline' : 'chat';
    notice.hidden = !away;
    messageField.hidden = !away;
    submit.textContent = away ? t.sendOffline : t.start;
  }
  subject.addEventListener('change', showMode);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start({
      name: nameInput.value,
      contact: contactInput.value,
      teamId: teamId(),
      message: offline() ? messageInput.value : null,
    });
  });

  return {
    form,
    update(state: {
      config: WidgetConfig;
      name: string | null;
      starting: boolean;
      formError: string | null;
    }) {
      config = state.config;
      showMode();
      submit.disabled = state.starting;
      formError.textContent = state.formError ?? '';
      if (state.name && !nameInput.value) nameInput.value = state.name;
    },
  };
}
