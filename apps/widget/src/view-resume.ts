import { h } from './dom';
import type { Strings } from './i18n';

export interface ResumeState {
  /** Why the follow-up link the visitor opened did not bring its conversation back. */
  resumeNotice: string | null;
  /** The link is another visitor's than the one this browser chats as: they choose. */
  resumeChoice: boolean;
}

export interface ResumeActions {
  /** Chat as the link's visitor from now on. */
  resumeContinue(): void;
  /** Keep this browser's own chat. */
  resumeStay(): void;
}

/**
 * At the top of the panel, what became of a follow-up link: a short notice when it no longer
 * works, or the choice between its conversation and the one this browser already had; a link
 * never replaces a chat silently.
 */
export function resumeBar(t: Strings, actions: ResumeActions) {
  const notice = h('p', { role: 'status', 'data-testid': 'sb-resume-notice' });
  const stay = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'sb-resume-stay' },
    t.resumeStay,
  );
  const resume = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'sb-resume-continue' },
    t.resumeContinue,
  );
  stay.addEventListener('click', () => actions.resumeStay());
  resume.addEventListener('click', () => actions.resumeContinue());
  const choice = h(
    'div',
    { role: 'alertdialog', 'data-testid': 'sb-resume-choice' },
    h('p', {}, t.resumeOther),
    h('div', { class: 'actions' }, stay, resume),
  );
  const element = h('div', { class: 'resume', hidden: '' }, notice, choice);

  return {
    element,
    show(state: ResumeState) {
      notice.textContent = state.resumeNotice ?? '';
      notice.hidden = !state.resumeNotice;
      choice.hidden = !state.resumeChoice;
      element.hidden = !state.resumeNotice && !state.resumeChoice;
    },
  };
}
