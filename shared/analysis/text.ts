/**
 * Text and date helpers shared by the analysis modules. Everything here is
 * pure and locale-independent so the same document gives the same result in
 * a browser worker and in Node.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Folded values remembered: a network repeats the same employers, cities and titles thousands of times. */
const folded = new Map<string, string>();
const FOLD_MEMORY = 100_000;

/**
 * Folds a value for comparison: lower case, accents removed, punctuation
 * turned into spaces, runs of spaces collapsed ("Société Générale " and
 * "societe-generale" both give "societe generale").
 */
export function fold(value: string): string {
  let out = folded.get(value);
  if (out !== undefined) return out;
  out = value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (folded.size >= FOLD_MEMORY) folded.clear();
  if (value.length <= 200) folded.set(value, out);
  return out;
}

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of a `YYYY-MM-DD` or ISO date (a bare date is read as UTC midnight). */
export function dateMs(iso: string): number {
  const t = dateMsOrNaN(iso);
  if (Number.isNaN(t)) throw new Error(`invalid date "${iso}"`);
  return t;
}

/** The same, NaN for a date the calendar does not have (a document's dates are data, not trusted). */
export function dateMsOrNaN(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

/** Whole days from `fromMs` to `toMs` (negative when `fromMs` is later). */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / DAY_MS);
}

/** The calendar day `YYYY-MM-DD` of an ISO date. */
export function dayOf(iso: string): string {
  return new Date(dateMs(iso)).toISOString().slice(0, 10);
}

/** FNV-1a 32-bit hash of a string, as an unsigned integer. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The same hash as 8 hex digits: a short stable id derived from a longer one. */
export function hashHex(text: string): string {
  return hash32(text).toString(16).padStart(8, '0');
}

/** Murmur3's finalizer: scrambles a 32-bit integer, to order items pseudo-randomly but reproducibly. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Rounds to `digits` decimals so results print the same everywhere. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Compares strings by code unit, never by locale, so orderings are the same on every machine. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
