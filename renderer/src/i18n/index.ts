import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES, type Language } from '../../../shared/i18n/index.js';

/** The browser's own language until the settings say otherwise. */
function guessLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Sets up i18next with the shared catalog (shared/i18n), bundled: nothing is ever fetched. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: RESOURCES,
    lng: guessLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Switches the UI language and the page's `lang`, so screen readers pronounce it right. */
export function applyLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
