/**
 * The app's own sentences, for specs that run in both languages: locators and
 * expectations use the catalog (shared/i18n) rather than copies of its text.
 * Playwright's loader needs the JSON import attributes that shared/i18n/index.ts
 * (bundled by Vite and tsx) does without, hence this small twin of its `translator`.
 */
import i18next, { type TFunction } from 'i18next';
import en from '../../shared/i18n/en.json' with { type: 'json' };
import fr from '../../shared/i18n/fr.json' with { type: 'json' };
import type { Language } from '../../shared/api/contract.js';

export function translator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(language);
}
