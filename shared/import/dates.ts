/**
 * Dates as exports write them ("15 Mar 2024", "15 mars 2024", "15. März 2024",
 * "2023-10-27 14:03:22 UTC", "10/27/23, 9:14 AM", "20/01/1991") to ISO 8601.
 */

/** Month names and abbreviations in English, French and German: a Map, so that a cell saying "constructor" is no month. */
const MONTHS = new Map<string, number>();
const NAMES: [number, string[]][] = [
  [1, ['jan', 'january', 'janv', 'janvier', 'januar', 'jän', 'jänner']],
  [2, ['feb', 'february', 'fev', 'fevr', 'février', 'fevrier', 'févr', 'février', 'februar']],
  [3, ['mar', 'march', 'mars', 'mär', 'märz', 'maerz']],
  [4, ['apr', 'april', 'avr', 'avril']],
  [5, ['may', 'mai']],
  [6, ['jun', 'june', 'juin', 'juni']],
  [7, ['jul', 'july', 'juil', 'juillet', 'juli']],
  [8, ['aug', 'august', 'aou', 'aout', 'août']],
  [9, ['sep', 'sept', 'september', 'septembre']],
  [10, ['oct', 'october', 'octobre', 'okt', 'oktober']],
  [11, ['nov', 'november', 'novembre']],
  [12, ['dec', 'december', 'déc', 'décembre', 'decembre', 'dez', 'dezember']],
];
for (const [n, names] of NAMES) for (const name of names) MONTHS.set(name, n);

const pad = (n: number): string => String(n).padStart(2, '0');

/** No date is longer: a longer cell is no date, and is not fed to patterns that would backtrack over it. */
const MAX_DATE = 64;

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 2999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fullYear(y: number): number {
  return y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

/**
 * Parses a calendar date. `dayFirst` decides numeric dates where both parts
 * could be the month (Outlook in English writes month first, French Excel day first).
 * Returns `YYYY-MM-DD`, or undefined for placeholders like `0/0/00`.
 */
export function parseDate(input: string, dayFirst = true): string | undefined {
  // A column of dates repeats the same few thousand days over 30,000 rows: each is parsed once.
  const memo = dayFirst ? dayFirstDates : monthFirstDates;
  const known = memo.get(input);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseDateOnce(input, dayFirst);
  if (memo.size >= DATE_MEMO) memo.clear();
  memo.set(input, parsed ?? null);
  return parsed;
}

const DATE_MEMO = 20_000;
const dayFirstDates = new Map<string, string | null>();
const monthFirstDates = new Map<string, string | null>();

/** Empties the memory of parsed dates (its keys, cut out of a file's text, keep that text alive). */
export function forgetDates(): void {
  dayFirstDates.clear();
  monthFirstDates.clear();
}

function parseDateOnce(input: string, dayFirst: boolean): string | undefined {
  const s = input.trim();
  if (s.length > MAX_DATE) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s) ?? /^(\d{4})\/(\d{2})\/(\d{2})\b/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  m = /^(\d{1,2})\.?\s+([\p{L}]+)\.?,?\s+(\d{4})$/u.exec(s);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    return month && valid(+m[3]!, month, +m[1]!) ? `${m[3]}-${pad(month)}-${pad(+m[1]!)}` : undefined;
  }
  m = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(s);
  if (m) {
    const month = MONTHS.get(m[1]!.toLowerCase());
    return month && valid(+m[3]!, month, +m[2]!) ? `${m[3]}-${pad(month)}-${pad(+m[2]!)}` : undefined;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = fullYear(+m[3]!);
    const [d, mo] = a > 12 ? [a, b] : b > 12 ? [b, a] : dayFirst ? [a, b] : [b, a];
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
  }
  return undefined;
}

/** Parses a date with a time ("2023-10-27 14:03:22 UTC", "10/27/23, 9:14 AM") to an ISO timestamp or date. */
export function parseDateTime(input: string, dayFirst = false): string | undefined {
  const s = input.trim();
  if (s.length > MAX_DATE) return undefined;
  const iso = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(UTC|Z|GMT)?$/.exec(s);
  if (iso) {
    if (!valid(+iso[1]!, +iso[2]!, +iso[3]!)) return undefined;
    return `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${iso[7] ? 'Z' : ''}`;
  }
  const us = /^(.+?),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i.exec(s);
  if (us) {
    const date = parseDate(us[1]!, dayFirst);
    if (!date) return undefined;
    let h = +us[2]!;
    const ampm = us[5]?.toUpperCase();
    if (ampm === 'PM' && h < 12) h += 12;
    if (ampm === 'AM' && h === 12) h = 0;
    return `${date}T${pad(h)}:${us[3]}:${us[4] ?? '00'}`;
  }
  return parseDate(s, dayFirst);
}

/** "Sep 2025", "sept. 2025", "2025" (LinkedIn's Positions and Education) → `2025-09-01`, `2025-01-01`; undefined otherwise. */
export function parseMonthYear(input: string): { date: string; year: number } | undefined {
  const s = input.trim();
  if (s.length > MAX_DATE) return undefined;
  let m = /^(\d{4})$/.exec(s);
  if (m) return +m[1]! >= 1900 && +m[1]! <= 2200 ? { date: `${m[1]}-01-01`, year: +m[1]! } : undefined;
  m = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(s);
  if (m) {
    const month = MONTHS.get(m[1]!.toLowerCase());
    return month && valid(+m[2]!, month, 1) ? { date: `${m[2]}-${pad(month)}-01`, year: +m[2]! } : undefined;
  }
  const full = parseDate(s, false);
  return full ? { date: full, year: Number(full.slice(0, 4)) } : undefined;
}
