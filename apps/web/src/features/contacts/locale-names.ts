/** "MX" → 🇲🇽: two regional-indicator letters render as the country's flag. */
export function countryFlag(country: string): string {
  const code = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
}

function displayName(locale: string, type: 'region' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    // A malformed tag from a provider must not break the panel.
    return code;
  }
}

/** The country's name in the agent's language ("MX" → "México" in Spanish). */
export function countryName(locale: string, country: string): string {
  return displayName(locale, 'region', country.trim().toUpperCase());
}

/** The language's name in the agent's language ("pt-BR" → "Brazilian Portuguese"). */
export function languageName(locale: string, language: string): string {
  const name = displayName(locale, 'language', language.trim());
  // Spanish and Portuguese write language names in lower case; a label starts with a capital.
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every region the browser can name, as `{ value: 'MX', label: '🇲🇽 Mexico' }`, by label. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const options: { value: string; label: string }[] = [];
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = first + second;
      const name = names.of(code);
      if (name && name !== code)
        options.push({ value: code, label: `${countryFlag(code)} ${name}` });
    }
  }
  return options.sort((a, b) => a.label.slice(5).localeCompare(b.label.slice(5), locale));
}

// The languages support teams meet most; a contact's own tag is added when it is elsewhere.
const COMMON_LANGUAGES = [
  'es',
  'en',
  'pt-BR',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'ca',
  'gl',
  'eu',
  'zh',
  'ja',
  'ko',
  'ar',
  'hi',
  'ru',
  'pl',
  'tr',
  'uk',
];

export function languageOptions(locale: string, current: string | null) {
  const codes =
    current && !COMMON_LANGUAGES.includes(current)
      ? [current, ...COMMON_LANGUAGES]
      : COMMON_LANGUAGES;
  return codes
    .map((code) => ({ value: code, label: languageName(locale, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
