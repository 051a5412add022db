/**
 * A stored date as the user's language writes it ("31 déc. 2022"); a bare day is read at noon so that no time
 * zone moves it. The file format checks a date's shape, not that the day exists: one that does not
 * ("2023-02-31") is shown as written rather than breaking the card.
 */
export function formatDay(date: string, language: string): string {
  const at = new Date(date.length === 10 ? `${date}T12:00:00` : date);
  return Number.isNaN(at.getTime()) ? date : new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(at);
}
