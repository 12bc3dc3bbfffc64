import { useTranslation } from 'react-i18next';
import type { Conversation } from '../types';

/** What to call the customer: their name, else the first address we know them by. */
export function contactName(contact: Conversation['contact']): string | null {
  return contact.name?.trim() || contact.identities[0]?.address || null;
}

/** The contact's display name, or a translated "Unknown contact". */
export function ContactName({ contact }: { contact: Conversation['contact'] }) {
  const { t } = useTranslation();
  return contactName(contact) ?? t('conversationList.unknownContact');
}
