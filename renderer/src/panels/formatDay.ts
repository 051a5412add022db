/** A stored date as the user's language writes it ("31 déc. 2022"); a bare day is read at noon so that no time zone moves it. */
export function formatDay(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(date.length === 10 ? `${date}T12:00:00` : date));
}
