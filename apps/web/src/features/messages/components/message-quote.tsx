import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message } from '../types';
import classes from './thread.module.css';

/** Scrolls to the quoted message if it is loaded, and flashes it so the eye finds it. */
function revealMessage(id: string): void {
  const target = document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"]`);
  if (!target) return;
  target.scrollIntoView({ behavior: 'smooth', block: 'center' });
  target.animate(
    [{ backgroundColor: 'var(--mantine-primary-color-light)' }, { backgroundColor: 'transparent' }],
    { duration: 1200, easing: 'ease-out' },
  );
}

/** The message this one answers, WhatsApp-style, at the top of the bubble. */
export function MessageQuote({ replyTo }: { replyTo: NonNullable<Message['replyTo']> }) {
  const { t } = useTranslation();
  const text = replyTo.text.trim();
  return (
    <UnstyledButton
      className={classes.quote}
      onClick={() => revealMessage(replyTo.id)}
      title={t('thread.showQuoted')}
      aria-label={t('thread.quoteLabel', { text: text || t('thread.quotedWithoutText') })}
      data-testid="message-quote"
      data-quoted-id={replyTo.id}
    >
      <span className={classes.quoteAuthor}>
        {replyTo.direction === 'inbound'
          ? t('thread.quotedFromCustomer')
          : t('thread.quotedFromTeam')}
      </span>
      <span className={classes.quoteText}>{text || t('thread.quotedWithoutText')}</span>
    </UnstyledButton>
  );
}
