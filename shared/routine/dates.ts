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

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` (or ISO timestamp) day, by
 * arithmetic on its digits (Hinnant's days_from_civil): the hot loops over
 * 100,000 interactions call it, where Date.parse costs several times more.
 * The day is not checked: callers pass dates the schema validated.
 */
export function dayNumber(day: string): number {
  let y = (day.charCodeAt(0) - 48) * 1000 + (day.charCodeAt(1) - 48) * 100 + (day.charCodeAt(2) - 48) * 10 + (day.charCodeAt(3) - 48);
  const m = (day.charCodeAt(5) - 48) * 10 + (day.charCodeAt(6) - 48);
  const d = (day.charCodeAt(8) - 48) * 10 + (day.charCodeAt(9) - 48);
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar months since year 0 of a `YYYY-MM-DD` day (same digit arithmetic). */
export function monthNumber(day: string): number {
  const y = (day.charCodeAt(0) - 48) * 1000 + (day.charCodeAt(1) - 48) * 100 + (day.charCodeAt(2) - 48) * 10 + (day.charCodeAt(3) - 48);
  return y * 12 + (day.charCodeAt(5) - 48) * 10 + (day.charCodeAt(6) - 48) - 1;
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
  return dayNumber(to) - dayNumber(from);
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
  return monthNumber(to) - monthNumber(from);
}
