/**
 * How strong each tie with the user is, how often the user means to be in
 * touch (cadence), and which ties are overdue. Defaults follow Dunbar's
 * layers (about 5 / 15 / 50 / 150 people, kept by contact about weekly /
 * monthly / twice a year / yearly).
 */
import type { CarnetDocument, Contact } from '../document/schema.js';
import type { TieHistory } from './history.js';
import { daysBetween, dateMsOrNaN } from './text.js';

const DAY_MS = 86_400_000;

/** Cadence in days by relationship strength (1 acquaintance … 5 intimate). */
export const DUNBAR_CADENCE: Record<1 | 2 | 3 | 4 | 5, number> = { 5: 7, 4: 30, 3: 180, 2: 365, 1: 365 };
/** A tie without interaction for this long is dormant (Levin, Walter & Murnighan 2011: 3 years). */
export const DORMANT_DAYS = 3 * 365;
/** A tie with an interaction this recent is active. */
export const ACTIVE_DAYS = 365;
/**
 * Strength inferred from the log when the user gave none: interactions per
 * year over the two years before the last one.
 */
export const STRENGTH_FROM_RATE: readonly [minPerYear: number, strength: 2 | 3 | 4 | 5][] = [
  [26, 5],
  [6, 4],
  [2, 3],
  [0, 2],
];

export type Strength = { value: 1 | 2 | 3 | 4 | 5; source: 'contact' | 'history' | 'none' };

/** The contact's strength if the user set it, else inferred from how often they interacted. */
export function tieStrength(contact: Contact, history: TieHistory): Strength {
  if (contact.strength) return { value: contact.strength as Strength['value'], source: 'contact' };
  if (history.lastMs === null) return { value: 1, source: 'none' };
  const from = history.lastMs - 730 * DAY_MS;
  const recent = history.dates.filter((t) => t > from).length;
  const perYear = recent / 2;
  for (const [min, value] of STRENGTH_FROM_RATE) if (perYear >= min) return { value, source: 'history' };
  return { value: 2, source: 'history' };
}

export type Cadence = { days: number; source: 'contact' | 'category' | 'strength'; category?: string };

/** The contact's own cadence, else the most demanding of its categories', else its strength's Dunbar layer. */
export function cadenceOf(contact: Contact, strength: Strength, doc: CarnetDocument): Cadence {
  if (contact.cadenceDays) return { days: contact.cadenceDays, source: 'contact' };
  let best: Cadence | null = null;
  for (const cat of contact.categories) {
    const days = Object.hasOwn(doc.categories, cat) ? doc.categories[cat]!.cadenceDays : undefined;
    if (days && (!best || days < best.days)) best = { days, source: 'category', category: cat };
  }
  return best ?? { days: DUNBAR_CADENCE[strength.value], source: 'strength' };
}

export type OverdueTie = {
  id: string;
  name: string;
  cadenceDays: number;
  cadenceSource: Cadence['source'];
  /** Date of the last interaction, or null when the clock runs from when the contact was added. */
  lastInteraction: string | null;
  daysSince: number;
  overdueDays: number;
};

/**
 * Ties past their cadence but not yet dormant. A contact never interacted
 * with is overdue only if the user gave it a cadence (itself or through a
 * category); the clock then runs from `connectedOn`, else `createdAt`.
 */
export function overdueTie(contact: Contact, history: TieHistory, cadence: Cadence, nowMs: number): OverdueTie | null {
  let since: number;
  if (history.lastMs !== null) since = history.lastMs;
  else if (cadence.source !== 'strength') since = history.connectedMs ?? dateMsOrNaN(contact.createdAt);
  else return null;
  if (Number.isNaN(since)) return null;
  const daysSince = daysBetween(since, nowMs);
  if (daysSince <= cadence.days || daysSince >= DORMANT_DAYS) return null;
  return {
    id: contact.id,
    name: contact.name,
    cadenceDays: cadence.days,
    cadenceSource: cadence.source,
    lastInteraction: history.last?.date ?? null,
    daysSince,
    overdueDays: daysSince - cadence.days,
  };
}
