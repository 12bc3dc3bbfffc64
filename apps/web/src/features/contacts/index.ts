export { contactKeys, contactQueryOptions, useContact } from './api/get-contact';
export { useUpdateContact } from './api/update-contact';
export { ContactIdentities } from './components/contact-identities';
export { ContactNotes } from './components/contact-notes';
export { ContactSummary } from './components/contact-summary';
export { UnavailableOpenConversations } from './components/unavailable-open-conversations';
export { countryFlag, countryName, languageName } from './locale-names';
export type { Contact, ContactIdentity, IdentityKind } from './types';
