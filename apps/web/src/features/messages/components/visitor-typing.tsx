import { useTranslation } from 'react-i18next';
import { useVisitorTyping } from '../hooks/use-visitor-typing';
import classes from './thread.module.css';

interface VisitorTypingProps {
  conversationId: string;
  /** How the customer is called on screen. */
  name: string;
}

/**
 * "<Customer> is typing…" under the thread while the web chat visitor types. The live region
 * stays mounted (empty) so screen readers announce it when it fills.
 */
export function VisitorTyping({ conversationId, name }: VisitorTypingProps) {
  const { t } = useTranslation();
  const typing = useVisitorTyping(conversationId);
  return (
    <div
      className={classes.typing}
      role="status"
      aria-live="polite"
      data-testid="visitor-typing"
      data-active={typing}
    >
      {typing ? t('webchat.visitorTyping', { name }) : null}
    </div>
  );
}
