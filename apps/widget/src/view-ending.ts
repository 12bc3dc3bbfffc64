import type { Conversation } from './api';
import { h } from './dom';
import { format, type Strings } from './i18n';

export interface EndingActions {
  /** Resolves to an error to show, or null once saved. */
  rate(score: number, comment: string): Promise<string | null>;
  /** Resolves to where it went, or throws an error to show. */
  transcript(email: string): Promise<string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function endingText(conversation: Conversation, t: Strings): string {
  switch (conversation.ending) {
    case 'customer':
      return t.endedByYou;
    case 'connection_lost':
      return t.endedConnectionLost;
    case 'abandoned':
      return t.endedAbandoned;
    case 'inactive':
      return t.endedInactive;
    case 'agent':
      return conversation.agent
        ? format(t.endedByAgent, { name: conversation.agent.name })
        : t.endedByTeam;
    default:
      return t.closed;
  }
}

/**
 * Under a closed conversation: why it ended, a 1–5 rating with a comment (which may be changed
 * later), and the transcript by email. Built once; its fields keep what the visitor typed
 * across updates and are cleared only when another conversation ends.
 */
export function endingPanel(t: Strings, actions: EndingActions) {
  const text = h('p', { class: 'notice', 'data-testid': 'sb-closed' });

  let score = 0;
  const stars = [1, 2, 3, 4, 5].map((n) => {
    const star = h(
      'button',
      {
        type: 'button',
        class: 'star',
        'aria-label': format(t.star, { n }),
        'data-testid': 'sb-star',
      },
      '★',
    );
    star.addEventListener('click', () => {
      score = n;
      showStars();
    });
    return star;
  });
  const comment = h('textarea', {
    'aria-label': t.rateComment,
    placeholder: t.rateComment,
    maxlength: '1000',
    'data-testid': 'sb-rating-comment',
  });
  const rateButton = h(
    'button',
    { type: 'submit', class: 'primary', 'data-testid': 'sb-rating-send' },
    t.rateSend,
  );
  const rateError = h('p', { class: 'error', role: 'alert' });
  const rateForm = h(
    'form',
    { class: 'rating', 'data-testid': 'sb-rating' },
    h('span', { class: 'question' }, t.rateQuestion),
    h('div', { class: 'stars' }, ...stars),
    comment,
    rateError,
    rateButton,
  );
  const change = h('button', { type: 'button', class: 'link' }, t.rateChange);
  const thanks = h(
    'p',
    { class: 'thanks', 'data-testid': 'sb-rating-thanks' },
    t.rateThanks,
    ' ',
    change,
  );
  let editing = false;
  change.addEventListener('click', () => {
    editing = true;
    show(current);
  });
  function showStars() {
    stars.forEach((star, index) => star.setAttribute('aria-pressed', String(index < score)));
    rateButton.disabled = score === 0;
  }
  rateForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (score === 0) return;
    rateButton.disabled = true;
    void actions.rate(score, comment.value.trim()).then((error) => {
      rateButton.disabled = false;
      rateError.textContent = error ?? '';
      if (!error) editing = false;
      show(current);
    });
  });

  const ask = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'sb-transcript-ask' },
    t.transcriptAsk,
  );
  const email = h('input', {
    type: 'email',
    autocomplete: 'email',
    'aria-label': t.transcriptEmail,
    placeholder: t.transcriptEmail,
    'data-testid': 'sb-transcript-email',
  });
  const sendTranscript = h(
    'button',
    { type: 'submit', class: 'primary', 'data-testid': 'sb-transcript-send' },
    t.transcriptSend,
  );
  const transcriptForm = h('form', { class: 'transcript', hidden: '' }, email, sendTranscript);
  const transcriptNote = h('p', { role: 'status', 'data-testid': 'sb-transcript-status' });
  ask.addEventListener('click', () => {
    ask.hidden = true;
    transcriptForm.hidden = false;
    email.focus();
  });
  transcriptForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const to = email.value.trim();
    if (!EMAIL.test(to)) {
      transcriptNote.textContent = t.emailInvalid;
      return;
    }
    sendTranscript.disabled = true;
    actions.transcript(to).then(
      (sentTo) => {
        transcriptForm.hidden = true;
        transcriptNote.textContent = format(t.transcriptSent, { email: sentTo });
      },
      (error: unknown) => {
        sendTranscript.disabled = false;
        transcriptNote.textContent = error instanceof Error ? error.message : t.transcriptFailed;
      },
    );
  });

  const element = h(
    'div',
    { class: 'ending', hidden: '' },
    text,
    rateForm,
    thanks,
    h('div', {}, ask, transcriptForm, transcriptNote),
  );

  let current: Conversation | null = null;
  let shownId: string | null = null;
  function show(conversation: Conversation | null) {
    current = conversation;
    const closed = conversation?.status === 'closed' ? conversation : null;
    element.hidden = !closed;
    if (!closed) return;
    if (closed.id !== shownId) {
      // Another conversation ended: nothing typed for the last one carries over.
      shownId = closed.id;
      editing = false;
      score = closed.rating?.score ?? 0;
      comment.value = closed.rating?.comment ?? '';
      email.value = closed.contactEmail ?? '';
      ask.hidden = false;
      transcriptForm.hidden = true;
      sendTranscript.disabled = false;
      transcriptNote.textContent = '';
      rateError.textContent = '';
    }
    text.setAttribute('data-ending', closed.ending ?? '');
    text.textContent = `${endingText(closed, t)} ${t.writeAgain}`;
    const rated = closed.rating !== null && !editing;
    rateForm.hidden = rated;
    thanks.hidden = !rated;
    showStars();
  }

  return { element, show };
}
