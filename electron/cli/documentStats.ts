/**
 * The numbers `carnet stats` prints. Dormant follows the research default
 * Carnet uses elsewhere (Levin, Walter & Murnighan 2011): out of touch for
 * more than three years.
 */
import type { CarnetDocument } from '../../shared/document/schema.js';
import { CHANNELS, DIRECTIONS } from '../../shared/document/schema.js';
import { idValues } from '../../shared/document/idMap.js';

export const DORMANT_DAYS = 3 * 365;
export const RECENT_DAYS = 90;
const DAY_MS = 86_400_000;

export type DocumentStats = {
  contacts: number;
  ties: number;
  interactions: number;
  categories: number;
  personas: number;
  /** Distinct organization names (current and past, case-insensitive). */
  organizations: number;
  schools: number;
  cities: number;
  archived: number;
  /** Contacts (not archived) whose last interaction is more than three years old. */
  dormant: number;
  /** Contacts whose last interaction is within the last 90 days. */
  recent: number;
  /** Contacts (not archived) with a cadence (theirs or their categories') and no interaction within it. */
  overdue: number;
  /** Contacts (not archived) with no interaction logged. */
  neverContacted: number;
  interactionsByChannel: Record<string, number>;
  interactionsByDirection: Record<string, number>;
  firstInteraction: string | null;
  lastInteraction: string | null;
  /** The day the ages above are counted from. */
  asOf: string;
};

/** Counts for a valid document, as of `now`. */
export function documentStats(doc: CarnetDocument, now: Date): DocumentStats {
  const nowMs = now.getTime();
  const lastSeen = new Map<string, number>();
  const byChannel: Record<string, number> = Object.fromEntries(CHANNELS.map((c) => [c, 0]));
  const byDirection: Record<string, number> = Object.fromEntries(DIRECTIONS.map((d) => [d, 0]));
  let first: string | null = null;
  let last: string | null = null;
  for (const it of idValues(doc.interactions)) {
    byChannel[it.channel] = (byChannel[it.channel] ?? 0) + 1;
    byDirection[it.direction] = (byDirection[it.direction] ?? 0) + 1;
    const day = it.date.slice(0, 10);
    if (first === null || day < first) first = day;
    if (last === null || day > last) last = day;
    const ms = Date.parse(it.date);
    for (const c of it.contacts) if ((lastSeen.get(c) ?? -Infinity) < ms) lastSeen.set(c, ms);
  }

  const distinct = (values: Iterable<string | undefined>): number => {
    const set = new Set<string>();
    for (const v of values) if (v && v.trim()) set.add(v.trim().toLocaleLowerCase());
    return set.size;
  };
  const contacts = idValues(doc.contacts);
  let archived = 0;
  let dormant = 0;
  let recent = 0;
  let overdue = 0;
  let never = 0;
  for (const c of contacts) {
    const seen = lastSeen.get(c.id);
    const age = seen === undefined ? Infinity : (nowMs - seen) / DAY_MS;
    if (age <= RECENT_DAYS) recent++;
    if (c.archived) {
      archived++;
      continue;
    }
    if (seen === undefined) never++;
    else if (age > DORMANT_DAYS) dormant++;
    // The contact's own cadence wins; otherwise the most demanding of its categories.
    const fromCategories = c.categories.map((id) => doc.categories[id]?.cadenceDays).filter((d): d is number => d !== undefined);
    const cadence = c.cadenceDays ?? (fromCategories.length > 0 ? Math.min(...fromCategories) : undefined);
    if (cadence !== undefined && age > cadence) overdue++;
  }

  return {
    contacts: contacts.length,
    ties: Object.keys(doc.ties).length,
    interactions: Object.keys(doc.interactions).length,
    categories: Object.keys(doc.categories).length,
    personas: Object.keys(doc.personas).length,
    organizations: distinct(contacts.flatMap((c) => c.organizations.map((o) => o.name))),
    schools: distinct(contacts.flatMap((c) => c.schools.map((s) => s.name))),
    cities: distinct(contacts.map((c) => c.city)),
    archived,
    dormant,
    recent,
    overdue,
    neverContacted: never,
    interactionsByChannel: byChannel,
    interactionsByDirection: byDirection,
    firstInteraction: first,
    lastInteraction: last,
    asOf: now.toISOString().slice(0, 10),
  };
}
