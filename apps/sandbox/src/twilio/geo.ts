import { bareAddress } from '../store';

// Calling code → ISO country, for the From/To country fields of inbound webhooks. NANP (+1)
// spans several countries; Twilio resolves it by area code, the sandbox reports US.
const callingCodes: Record<string, string> = {
  '1': 'US',
  '7': 'RU',
  '27': 'ZA',
  '31': 'NL',
  '32': 'BE',
  '33': 'FR',
  '34': 'ES',
  '39': 'IT',
  '41': 'CH',
  '44': 'GB',
  '49': 'DE',
  '51': 'PE',
  '52': 'MX',
  '54': 'AR',
  '55': 'BR',
  '56': 'CL',
  '57': 'CO',
  '58': 'VE',
  '61': 'AU',
  '81': 'JP',
  '91': 'IN',
  '351': 'PT',
  '353': 'IE',
  '502': 'GT',
  '503': 'SV',
  '506': 'CR',
  '507': 'PA',
  '591': 'BO',
  '593': 'EC',
  '595': 'PY',
  '598': 'UY',
};

/** ISO country of an E.164 number, or '' when unknown (Twilio then sends the field empty). */
export function countryOf(address: string): string {
  const digits = bareAddress(address).replace(/^\+/, '');
  for (const length of [3, 2, 1]) {
    const country = callingCodes[digits.slice(0, length)];
    if (country) return country;
  }
  return '';
}
