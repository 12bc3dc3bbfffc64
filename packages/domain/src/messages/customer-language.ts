/** The languages Switchboard writes automatic messages in. */
export type CustomerLanguage = 'en' | 'es' | 'pt';

/** The first of the candidates that names a language we write in ("es-MX" → es), else English. */
export function languageOf(...candidates: Array<string | null | undefined>): CustomerLanguage {
  for (const candidate of candidates) {
    const prefix = candidate?.toLowerCase().split(/[-_]/)[0];
    if (prefix === 'es' || prefix === 'en' || prefix === 'pt') return prefix;
  }
  return 'en';
}
