import type { Random } from './random';
import { names, type HistoryLanguage } from './texts';
import type { HistoryChannel, HistoryContact } from './types';

export const CONTACT_POOL = 120;

/** How often each channel is a customer's usual one (and the odd other one they try). */
export const CHANNEL_WEIGHTS: Array<[HistoryChannel, number]> = [
  ['whatsapp_cloud', 35],
  ['email', 28],
  ['sms_twilio', 22],
  ['whatsapp_twilio', 15],
];
const LANGUAGE_WEIGHTS: Array<[HistoryLanguage, number]> = [
  ['es', 55],
  ['pt', 25],
  ['en', 20],
];

export interface ContactPool {
  list: HistoryContact[];
  /** Each contact's usual channel, by index in `list`. */
  preferred: HistoryChannel[];
}

/**
 * 120 customers: Mexicans, Brazilians and Americans with numbers in ranges nobody uses for
 * the sandbox or tests (+52 1 55 81…, +55 11 987…, US 555-01xx fictional numbers) and
 * addresses under the reserved .example domain.
 */
export function contactPool(random: Random): ContactPool {
  const list: HistoryContact[] = [];
  const preferred: HistoryChannel[] = [];
  const taken = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const value = make();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
  };
  const digits = (count: number) =>
    Array.from({ length: count }, () => String(random.int(0, 9))).join('');
  for (let n = 0; n < CONTACT_POOL; n++) {
    const language = random.weighted(LANGUAGE_WEIGHTS);
    const pool = names[language];
    const name = unique(() => `${random.pick(pool.first)} ${random.pick(pool.last)}`);
    const phone = unique(() =>
      language === 'es'
        ? `+5215581${digits(6)}`
        : language === 'pt'
          ? `+5511987${digits(6)}`
          : `+1${random.pick(['312', '617', '206', '512'])}55501${digits(2)}`,
    );
    const domain = random.pick(['correo.example', 'mail.example', 'email.example']);
    const email = unique(
      () => `${mailbox(name)}${random.chance(0.4) ? random.int(1, 99) : ''}@${domain}`,
    );
    list.push({
      name,
      language,
      country: language === 'es' ? 'MX' : language === 'pt' ? 'BR' : 'US',
      phone,
      email,
    });
    preferred.push(random.weighted(CHANNEL_WEIGHTS));
  }
  return { list, preferred };
}

/** `José da Silva` → `jose.da.silva`: accents dropped, anything else between words a dot. */
function mailbox(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
}
