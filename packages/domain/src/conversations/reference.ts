import { randomInt } from 'node:crypto';

// Crockford base32 without I, L, O, U: nothing a customer can misread when quoting it.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(): string {
  let code = '';
  for (let i = 0; i < 5; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `SB-${code}`;
}
