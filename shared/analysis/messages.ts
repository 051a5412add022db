/**
 * Every sentence the analysis produces. The sentences themselves live in the
 * shared catalog (shared/i18n, section `diag`); results carry the message key
 * and its raw parameters next to the text rendered in the requested language,
 * so a UI can render them again in its own language.
 *
 * Numbers and dates read as the language writes them ("9,2", "12 345",
 * "31 déc. 2022" in French; "9.2", "12,345", "Dec 31, 2022" in English):
 * numeric parameters go through Intl.NumberFormat, `YYYY-MM-DD` ones through
 * Intl.DateTimeFormat (in UTC: a calendar day stays that day everywhere), and
 * `count` picks the plural form with Intl.PluralRules before being formatted.
 * The formatters are built once per language (building one costs more than
 * rendering a sentence), and i18next only looks the sentence up.
 */
import { LANGUAGES, toLanguage, translator, type Language } from '../i18n/index.js';
import en from '../i18n/en.json' with { type: 'json' };

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

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Formats = { number: Intl.NumberFormat; day: Intl.DateTimeFormat; plural: Intl.PluralRules };
const formats = new Map<Lang, Formats>();

function formatsOf(lang: Lang): Formats {
  let f = formats.get(lang);
  if (!f) {
    f = {
      number: new Intl.NumberFormat(lang, { maximumFractionDigits: 3 }),
      day: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
      plural: new Intl.PluralRules(lang),
    };
    formats.set(lang, f);
  }
  return f;
}

/** Keys of the `diag` section with plural forms (`…_one`, `…_other`), and the forms each has. */
const PLURALS = new Map<string, Set<string>>();
(function collect(node: Record<string, unknown>, prefix: string): void {
  for (const [k, v] of Object.entries(node)) {
    if (typeof v === 'string') {
      const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(k);
      if (!m) continue;
      const base = `${prefix}${m[1]}`;
      if (!PLURALS.has(base)) PLURALS.set(base, new Set());
      PLURALS.get(base)!.add(m[2]!);
    } else if (v && typeof v === 'object') collect(v as Record<string, unknown>, `${prefix}${k}.`);
  }
})(en.diag, '');

/** The plural form of `key` for `count`: the language's own category when the catalog has it, else "other". */
function pluralKey(f: Formats, key: string, count: number): string {
  const forms = PLURALS.get(key);
  if (!forms) return key;
  const form = f.plural.select(count);
  return `${key}_${forms.has(form) ? form : 'other'}`;
}

/** A number as the language writes it. */
export function formatNumber(lang: Lang, value: number): string {
  return formatsOf(lang).number.format(value);
}

/** A calendar day `YYYY-MM-DD` as the language writes it ("31 déc. 2022", "Dec 31, 2022"). */
export function formatDay(lang: Lang, day: string): string {
  return formatsOf(lang).day.format(Date.parse(`${day}T00:00:00Z`));
}

/** Renders a message; `count` picks the singular or plural form. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const f = formatsOf(lang);
  const shown: Record<string, string> = {};
  for (const name in params) {
    const v = params[name]!;
    shown[name] = typeof v === 'number' ? f.number.format(v) : DAY.test(v) ? f.day.format(Date.parse(`${v}T00:00:00Z`)) : v;
  }
  const count = params.count;
  return translator(lang)(`diag.${typeof count === 'number' ? pluralKey(f, key, count) : key}`, shown);
}

/** A message with its rendered text. */
export function message(lang: Lang, key: MessageKey, params: MessageParams = {}): Message {
  return { key, params, text: t(lang, key, params) };
}

/** Checks a language code from the outside world (CLI flag, LANG variable), defaulting to English. */
export function toLang(value: string | undefined | null): Lang {
  return toLanguage(value);
}
