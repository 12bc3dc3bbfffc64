import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { es } from './locales/es';
import { ptBR } from './locales/pt-br';

/**
 * Languages offered in the menu. Names are endonyms on purpose: someone who cannot
 * read the current language must still recognise their own.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'pt-BR', name: 'Português (Brasil)' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'switchboard.language';

export const resources = {
  en: { translation: en },
  es: { translation: es },
  'pt-BR': { translation: ptBR },
} as const;

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    // A browser in es-MX or pt-PT resolves to the closest catalog (es, pt-BR) via supportedLngs.
    supportedLngs: LANGUAGES.map((language) => language.code),
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React already escapes.
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    returnNull: false,
    showSupportNotice: false,
  });

function syncDocumentLanguage(language: string) {
  document.documentElement.lang = language;
}

syncDocumentLanguage(i18n.resolvedLanguage ?? 'en');
i18n.on('languageChanged', syncDocumentLanguage);

/** The resolved UI language, for Intl formatters (never a raw browser tag like `pt-PT`). */
export function currentLocale(): LanguageCode {
  const resolved = i18n.resolvedLanguage;
  return LANGUAGES.find((language) => language.code === resolved)?.code ?? 'en';
}

export { i18n };
