/** A stored date (`2019-03-01`) as the user's language writes it: "mars 2019", "Mar 2019", "31 déc. 2022". */
export function formatDate(iso: string, language: string, precision: 'month' | 'day' = 'day'): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = precision === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(d);
}
