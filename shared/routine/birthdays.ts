/**
 * Birthdays in the coming days. Contacts keep the birthday as imported:
 * `1987-04-12`, `--04-12` (no year, vCard), or free text, which is ignored.
 */
import type { Contact } from '../document/schema.js';
import { addDays } from './dates.js';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Month and day of a birthday, or null when it is not a date. */
export function birthMonthDay(birthday: string | undefined): { month: number; day: number } | null {
  if (!birthday) return null;
  const m = /^(?:(\d{4})|--)-?(\d{2})-?(\d{2})$/.exec(birthday.trim());
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Any day some year has: 29 February included.
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
  return { month, day };
}

/** The next birthday on or after `from` (29 February falls on the 28th in other years). */
export function nextBirthday(birthday: string | undefined, from: string): string | null {
  const md = birthMonthDay(birthday);
  if (!md) return null;
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const day = occurrence(md, y);
    if (day >= from) return day;
  }
  return null;
}

function occurrence(md: { month: number; day: number }, year: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = md.month === 2 && md.day === 29 && !leap(year) ? 28 : md.day;
  return `${year}-${p(md.month)}-${p(day)}`;
}

/** Contacts (not archived) whose birthday falls between `from` and `from + days` (inclusive), soonest first. */
export function upcomingBirthdays(contacts: Iterable<Contact>, from: string, days: number): { contact: Contact; date: string }[] {
  const last = addDays(from, days);
  const out: { contact: Contact; date: string }[] = [];
  for (const c of contacts) {
    if (c.archived) continue;
    const date = nextBirthday(c.birthday, from);
    if (date && date <= last) out.push({ contact: c, date });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0));
}

/** Contacts whose birthday fell after `after` and before `before` (both exclusive): wishes that can still be sent late. */
export function birthdaysBetween(contacts: Iterable<Contact>, after: string, before: string): { contact: Contact; date: string }[] {
  const first = addDays(after, 1);
  const out: { contact: Contact; date: string }[] = [];
  for (const c of contacts) {
    if (c.archived) continue;
    const date = nextBirthday(c.birthday, first);
    if (date && date < before) out.push({ contact: c, date });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.contact.id < b.contact.id ? -1 : 1));
}
