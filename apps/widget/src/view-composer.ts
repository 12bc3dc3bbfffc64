import { h } from './dom';
import type { Strings } from './i18n';

const clipIcon =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z"/></svg>';

export interface ComposerActions {
  send(text: string): void;
  typing(): void;
  attach(file: File): void;
}

/** The message box, with a paperclip for files and the reason a file was refused. */
export function composer(t: Strings, actions: ComposerActions) {
  const textarea = h('textarea', {
    placeholder: t.placeholder,
    'aria-label': t.placeholder,
    'data-testid': 'sb-composer',
  });
  const picker = h('input', {
    type: 'file',
    hidden: '',
    accept:
      'image/jpeg,image/png,image/gif,image/webp,application/pdf,text/plain,text/csv,.csv,.txt',
    'data-testid': 'sb-file',
  });
  const attach = h('button', {
    type: 'button',
    class: 'attach',
    'aria-label': t.attach,
    title: t.attach,
    'data-testid': 'sb-attach',
  });
  attach.innerHTML = clipIcon; // a constant icon, no visitor data
  attach.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    for (const file of picker.files ?? []) actions.attach(file);
    // The same file picked again after a refusal must fire `change` again.
    picker.value = '';
  });
  const sendButton = h(
    'button',
    { class: 'primary', type: 'submit', 'data-testid': 'sb-send' },
    t.send,
  );
  const fileError = h('p', {
    class: 'error file-error',
    role: 'alert',
    'data-testid': 'sb-file-error',
  });
  const form = h('form', { class: 'composer' }, attach, picker, textarea, sendButton);
  const sendTyped = () => {
    const text = textarea.value.trim();
    if (!text) return;
    textarea.value = '';
    actions.send(text);
  };
  form.addEventListener('submit', (event) => {
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

  const element = h('div', { class: 'compose' }, fileError, form);
  return {
    element,
    focus: () => textarea.focus(),
    show(visible: boolean, error: string | null) {
      element.hidden = !visible;
      fileError.textContent = error ?? '';
    },
  };
}
