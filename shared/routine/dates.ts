/**
 * Calendar days as `YYYY-MM-DD` strings, computed in UTC so that a day is
 * the same day in a browser, a worker and the CLI whatever the time zone.
 * Weeks run Monday to Sunday (ISO 8601), as French and most European
 * calendars show them.
 */

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds of a day's UTC midnight; throws on anything that is not a real `YYYY-MM-DD` day. */
export function dayMs(day: string): number {
  const d = day.slice(0, 10);
  const t = DAY.test(d) ? Date.parse(`${d}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(t)) throw new Error(`invalid day "${day}"`);
  return t;
}

/** Whether `text` is a real calendar day `YYYY-MM-DD` (2026-02-30 is not). */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

export function dayOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `day` plus `days` (negative to go back). */
export function addDays(day: string, days: number): string {
  return dayOfMs(dayMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to`. */
export function daysFrom(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** The Monday of the week holding `day`: the id of that week's plan. */
export function weekOf(day: string): string {
  const weekday = (new Date(dayMs(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The Sunday ending the week that starts on `monday`. */
export function weekEnd(monday: string): string {
  return addDays(monday, 6);
}

/** The first day of `day`'s month, plus `months` months. */
export function monthStart(day: string, months = 0): string {
  const d = new Date(dayMs(day));
  return dayOfMs(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** Whole calendar months from the month of `from` to the month of `to`. */
export function monthsFrom(from: string, to: string): number {
  const a = new Date(dayMs(from));
  const b = new Date(dayMs(to));
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}
