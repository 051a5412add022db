/**
 * Renders the routine's stored phrases (`{key, params}`) in a language.
 * Days kept as `YYYY-MM-DD` read as dates of that language ("3 juin 2026",
 * "June 3, 2026"), so a plan made in French reads right in English.
 */
import type { Phrase, PlanAction } from '../document/schema.js';
import { translator, type Language } from '../i18n/index.js';
import { isDay } from './dates.js';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-US' };
const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Language, style: 'long' | 'weekday'): Intl.DateTimeFormat {
  const key = `${lang}:${style}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(LOCALES[lang], options);
    formats.set(key, f);
  }
  return f;
}

/** A day as the language writes it: "3 juin 2026", or "mercredi 3 juin" with `weekday`. */
export function formatDay(lang: Language, day: string, style: 'long' | 'weekday' = 'long'): string {
  const text = format(lang, style).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
  // French writes the first of the month as an ordinal: « 1er juin ».
  return lang === 'fr' ? text.replace(/(^|\s)1(?=\s)/u, (_, space: string) => `${space}1er`) : text;
}

/** The phrase's parameters with days formatted for `lang`. */
export function localParams(lang: Language, params: Phrase['params']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = typeof v === 'string' && isDay(v) ? formatDay(lang, v) : v;
  return out;
}

/** The phrase as text in `lang`, through the shared catalog. */
export function sayPhrase(lang: Language, phrase: Phrase): string {
  return translator(lang)(phrase.key, localParams(lang, phrase.params));
}

/** "If it is Tuesday after the stand-up, at the Café du Commerce, then I act." */
export function ifThen(lang: Language, a: PlanAction): string {
  const params = { when: a.when ?? '', where: a.where ?? '' };
  const key = a.when && a.where ? 'routine.ifThen.both' : a.when ? 'routine.ifThen.when' : 'routine.ifThen.where';
  return sayPhrase(lang, { key, params });
}
