/**
 * Every sentence the analysis produces. The sentences themselves live in the
 * shared catalog (shared/i18n, section `diag`); results carry the message key
 * and its parameters next to the text rendered in the requested language, so
 * a UI can render them again in its own language.
 */
import { LANGUAGES, toLanguage, translator, type Language } from '../i18n/index.js';
import type en from '../i18n/en.json';

export const LANGS = LANGUAGES;
export type Lang = Language;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type Singular<S extends string> = S extends `${infer B}_one` ? B : S extends `${infer B}_other` ? B : S;

/** A key of the catalog's `diag` section (without the section, and without plural suffixes). */
export type MessageKey = Singular<Leaves<(typeof en)['diag']>>;

export type MessageParams = Record<string, string | number>;
/** A sentence as data (for a UI's own i18n) and as text in the requested language. */
export type Message = { key: MessageKey; params: MessageParams; text: string };

/** Renders a message; `count` picks the singular or plural form. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return translator(lang)(`diag.${key}`, params);
}

/** A message with its rendered text. */
export function message(lang: Lang, key: MessageKey, params: MessageParams = {}): Message {
  return { key, params, text: t(lang, key, params) };
}

/** Checks a language code from the outside world (CLI flag, LANG variable), defaulting to English. */
export function toLang(value: string | undefined | null): Lang {
  return toLanguage(value);
}
