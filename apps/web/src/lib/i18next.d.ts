import 'i18next';
import type { en } from './locales/en';

// Types every `t('…')` call against the English catalog, so a typo in a key fails the build.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
