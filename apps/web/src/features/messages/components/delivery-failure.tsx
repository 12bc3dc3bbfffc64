import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './thread.module.css';

// Provider codes we can explain in the agent's language (Twilio's, which also covers WhatsApp
// via Twilio); anything else falls back to the provider's own message.
const EXPLAINED_CODES = [
  '21211',
  '21610',
  '21614',
  '21408',
  '30003',
  '30005',
  '30006',
  '30007',
  '63016',
] as const;
type ExplainedCode = (typeof EXPLAINED_CODES)[number];

function isExplained(code: string): code is ExplainedCode {
  return (EXPLAINED_CODES as readonly string[]).includes(code);
}

interface DeliveryFailureProps {
  errorCode: string | null;
  errorMessage: string | null;
}

/** Why an outbound message did not arrive, in words an agent can act on. */
export function DeliveryFailure({ errorCode, errorMessage }: DeliveryFailureProps) {
  const { t } = useTranslation();
  const code = errorCode?.trim() ?? '';
  const explanation = isExplained(code)
    ? t(`deliveryErrors.${code}`)
    : (errorMessage ?? t('deliveryErrors.unknown'));
  // Keep the provider's wording too when we replaced it: support tickets quote it.
  const detail = isExplained(code) ? errorMessage : null;

  return (
    <div className={classes.failure} data-testid="delivery-failure" data-error-code={code}>
      <Text size="xs" c="red" fw={500}>
        {t('delivery.failed')} · {explanation}
      </Text>
      {(detail || code) && (
        <Text size="xs" c="dimmed">
          {[detail, code ? t('delivery.errorCode', { code }) : null].filter(Boolean).join(' · ')}
        </Text>
      )}
    </div>
  );
}
