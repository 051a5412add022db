/**
 * The one translation catalog of Carnet: the interface, the Electron menus,
 * the CLI and the analysis all read `en.json` and `fr.json` in this folder
 * (i18next format: `{{x}}` interpolation, `_one` / `_other` plurals, nested
 * sections). The renderer hands the same JSON to react-i18next; code outside
 * the renderer (main process, CLI, workers) gets a translator from here.
 */
import i18next, { type TFunction } from 'i18next';
// The import attribute lets plain Node loaders (Playwright's, for the Electron suite) read the catalog too.
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Both catalogs, keyed by language, in the shape i18next's `resources` option takes. */
export const RESOURCES = { en: { translation: en }, fr: { translation: fr } } as const;

/** A parameter of a translated sentence. */
export type Param = string | number;
export type Params = Record<string, Param>;

/**
 * A sentence as data: a catalog key and its parameters. Undo labels, notices
 * and analysis messages travel in this form, so each side renders them in its
 * own language.
 */
export type Phrase = { key: string; params?: Params };

const translators = new Map<Language, TFunction>();

/** A synchronous translator for one language (created once per language, then cached). */
export function translator(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      resources: RESOURCES,
      lng: language,
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    t = instance.getFixedT(language);
    translators.set(language, t);
  }
  return t;
}

/** Renders a phrase in `language`. */
export function say(language: Language, phrase: Phrase): string {
  return translator(language)(phrase.key, phrase.params ?? {});
}

/** Reads a language code from the outside world (CLI flag, LANG variable, system locale), defaulting to English. */
export function toLanguage(value: string | undefined | null): Language {
  return (value ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
