import type { Conversation } from './api';
import { h } from './dom';
import { format, type Strings } from './i18n';

/** "about 3 min": a rough figure is honest; a countdown would promise too much. */
export function waitText(seconds: number, t: Strings): string {
  if (seconds < 60) return t.waitSoon;
  const minutes = Math.round(seconds / 60);
  return minutes < 90
    ? format(t.waitMinutes, { n: minutes })
    : format(t.waitHours, { n: Math.round(minutes / 60) });
}

/** The reference, the place in the queue with the estimated wait, or who is answering. */
export function statusLines(conversation: Conversation | null, t: Strings) {
  if (!conversation) return [];
  const lines = [
    h(
      'p',
      { class: 'reference', 'data-testid': 'sb-reference' },
      format(t.reference, { reference: conversation.reference }),
    ),
  ];
  // After the offline form the confirmation says what happens next; a place in line would not.
  if (conversation.status === 'waiting' && !conversation.offline) {
    const wait = conversation.estimatedWaitSeconds;
    lines.push(
      h(
        'p',
        {},
        h(
          'span',
          { 'data-testid': 'sb-queue' },
          conversation.queuePosition
            ? format(t.queue, { n: conversation.queuePosition })
            : t.waiting,
        ),
        wait === null ? null : h('span', { 'data-testid': 'sb-wait' }, ` · ${waitText(wait, t)}`),
      ),
    );
  }
  if (conversation.status === 'open' && conversation.agent)
    lines.push(
      h('p', { 'data-testid': 'sb-agent' }, format(t.agent, { name: conversation.agent.name })),
    );
  return lines;
}

/**
 * "End chat" in the header, asking once before it ends anything: a misclick must not close a
 * conversation the visitor waited in line for.
 */
export function endChatControl(t: Strings, endChat: () => Promise<boolean>) {
  const button = h('button', { type: 'button', class: 'end', 'data-testid': 'sb-end' }, t.endChat);
  const yes = h(
    'button',
    { type: 'button', class: 'primary', 'data-testid': 'sb-end-yes' },
    t.endChat,
  );
  const no = h('button', { type: 'button', class: 'link', 'data-testid': 'sb-end-no' }, t.endKeep);
  const error = h('p', { class: 'error', role: 'alert' });
  const bar = h(
    'div',
    { class: 'confirm', role: 'alertdialog', 'data-testid': 'sb-end-confirm', hidden: '' },
    h('p', {}, t.endConfirm),
    error,
    h('div', { class: 'actions' }, no, yes),
  );
  button.addEventListener('click', () => {
    error.textContent = '';
    bar.hidden = false;
    no.focus();
  });
  no.addEventListener('click', () => {
    bar.hidden = true;
  });
  yes.addEventListener('click', () => {
    yes.disabled = true;
    void endChat().then((ended) => {
      yes.disabled = false;
      bar.hidden = ended;
      error.textContent = ended ? '' : t.endFailed;
    });
  });
  return {
    button,
    bar,
    show(live: boolean) {
      button.hidden = !live;
      if (!live) bar.hidden = true;
    },
  };
}
