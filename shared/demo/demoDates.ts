/** Dates counted back from the demo's "now", so that a demo written today always has recent and dormant ties. */
export type Clock = {
  /** `YYYY-MM-DD`, `days` days before now. */
  day(days: number): string;
  /** Full ISO timestamp, `days` days before now. */
  stamp(days: number): string;
  year: number;
  now: string;
};

const DAY_MS = 86_400_000;

/** Throws on a `now` that is not a date, because every generated date depends on it. */
export function createClock(now: string): Clock {
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new Error(`"now" is not a date: ${JSON.stringify(now)}`);
  return {
    day: (days) => new Date(ms - Math.round(days) * DAY_MS).toISOString().slice(0, 10),
    stamp: (days) => new Date(ms - Math.round(days) * DAY_MS).toISOString(),
    year: new Date(ms).getUTCFullYear(),
    now: new Date(ms).toISOString(),
  };
}
