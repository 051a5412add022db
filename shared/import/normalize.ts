/**
 * Keys used to recognise the same person across files: e-mail, phone,
 * profile URL, name, organization. Every function here is linear in its
 * input: a cell may be a megabyte of spaces.
 */

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only, without a leading international prefix, so `+33 6 12…` and `06 12…` compare equal. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  return digits.length >= 9 ? digits.slice(-9) : digits;
}

function decodePercent(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Without its trailing slashes. Not `replace(/\/+$/)`: that regex restarts at every slash of a long run that does not end the string. */
function withoutTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  return s.slice(0, end);
}

const caches: Map<string, string>[] = [];
/** Inputs longer than this are not remembered: they are rare, and each would keep its text alive. */
const CACHED_LENGTH = 256;

/**
 * A normalizing function with its results remembered: a 30,000-row export names the same people,
 * organizations and URLs in file after file, and a Map lookup costs less than Unicode normalization
 * and regexes. Bounded, and emptied by `forgetNormalized` once an import is previewed, because a key
 * cut out of a file's text keeps that whole text in memory.
 */
function remembered(fn: (s: string) => string, bound = 100_000): (s: string) => string {
  const cache = new Map<string, string>();
  caches.push(cache);
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (s.length > CACHED_LENGTH) return v;
      if (cache.size >= bound) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}

/** Empties the memory of `remembered` functions. */
export function forgetNormalized(): void {
  for (const c of caches) c.clear();
}

/** `https://www.linkedin.com/in/Jane-Doe/?trk=x` and `www.linkedin.com/in/jane-doe` → `linkedin.com/in/jane-doe`. */
export const normalizeProfileUrl = remembered((url) =>
  decodePercent(
    withoutTrailingSlashes(
      url
        .trim()
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '')
        .replace(/^www\./, '')
        .replace(/[?#].*$/, ''),
    ),
  ),
);

/** The site of a normalized profile URL (`linkedin.com`): two URLs of one site that differ are two people. */
export function profileSite(normalized: string): string {
  const slash = normalized.indexOf('/');
  return slash < 0 ? normalized : normalized.slice(0, slash);
}

/** Lower-case words without punctuation, sorted: "Dupont, Jean-Marc" → "dupont jean marc". Accents are kept. */
export const exactName = remembered((name) => words(name.normalize('NFC').toLowerCase()).sort().join(' '));

/** As `exactName`, accents removed too: "Hélène Dupont" = "helene dupont". */
export const normalizeName = remembered((name) => words(stripAccents(name).toLowerCase()).sort().join(' '));

function words(s: string): string[] {
  // Most names are ASCII, and an ASCII class splits several times faster than a Unicode property class.
  return (/^[\x00-\x7f]*$/.test(s) ? s.split(/[^a-z0-9]+/) : s.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
}

const ORG_SUFFIXES = /\b(inc|ltd|llc|sa|sas|sarl|gmbh|ag|corp|corporation|co|plc|bv|nv|spa|srl)\b/g;

export const normalizeOrg = remembered((org) => words(stripAccents(org).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').replace(ORG_SUFFIXES, ' ')).join(' '));

export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * True when `a` and `b` are at most `max` edits apart (insert, delete, substitute, swap two
 * neighbours). Only a band of width 2·max+1 is computed: O(length · max).
 */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  const n = a.length;
  const m = b.length;
  const INF = max + 1;
  // Three rows of the (Damerau) table, each indexed by j; cells outside the band stay INF.
  let prev2 = new Array<number>(m + 1).fill(INF);
  let prev = new Array<number>(m + 1).fill(INF);
  let cur = new Array<number>(m + 1).fill(INF);
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur.fill(INF);
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    if (i <= max) cur[0] = i;
    let rowMin = cur[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]! <= max;
}
