import { randomBytes, randomUUID } from 'node:crypto';

/** The host name the sandbox's mail server gives itself (EHLO, Reporting-MTA, MAILER-DAEMON). */
export const SANDBOX_MAIL_HOST = 'mail.sandbox.test';

/** Mail to any address at this domain bounces with a DSN (user unknown). */
export const BOUNCE_DOMAIN = 'bounce.test';

/** Mail to any address at this domain is answered with an out-of-office auto-reply. */
export const VACATION_DOMAIN = 'vacation.test';

/** Mailboxes are found by address; domains and, in practice, local parts ignore case. */
export function mailboxKey(address: string): string {
  return address.trim().toLowerCase();
}

export function domainOf(address: string): string {
  return mailboxKey(address).split('@').pop() ?? '';
}

export const isBounceAddress = (address: string) => domainOf(address) === BOUNCE_DOMAIN;
export const isVacationAddress = (address: string) => domainOf(address) === VACATION_DOMAIN;

/** Message-IDs are compared and stored with their angle brackets, as they appear in headers. */
export function bracketed(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, '');
  return `<${bare}>`;
}

/** A Message-ID as generic mail software writes it: unique left part, the sender's domain. */
export function newMessageId(domain: string): string {
  return `<${randomUUID()}@${domain || SANDBOX_MAIL_HOST}>`;
}

/** Letters and digits, for ids shaped like a particular client's. */
export function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** `Name <address>` as headers and quote lines show a person, or the bare address. */
export function displayAddress(person: { address: string; name: string | null }): string {
  return person.name ? `${person.name} <${person.address}>` : person.address;
}
