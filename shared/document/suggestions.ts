/**
 * What the user decided about a suggestion, kept in `doc.suggestions` under
 * the suggestion's key. The engine leaves out the dormant and overdue ties
 * the user snoozed or dismissed (`dormant:<id>`, `overdue:<id>`); the panel
 * applies the same rule to every key, so a decision shows at once, before
 * the next analysis arrives, and also covers the items the engine does not
 * key (gaps, missing profiles).
 */
import { dormantSuggestionKey } from '../analysis/dormantTies.js';
import { overdueSuggestionKey } from '../analysis/overdue.js';
import type { ChangeSet } from './operations.js';
import type { CarnetDocument } from './schema.js';
import { getOwn } from './idMap.js';

/** How long "Snooze" hides a suggestion. */
export const SNOOZE_DAYS = 30;

export const suggestionKeys = {
  dormant: dormantSuggestionKey,
  overdue: overdueSuggestionKey,
  persona: (personaId: string) => `persona:${personaId}`,
  fragile: (clusterId: string) => `fragile:${clusterId}`,
  // Cluster ids never contain '+', and the pair is sorted so either order gives one key.
  bridge: (a: string, b: string) => `bridge:${[a, b].sort().join('+')}`,
  isolated: () => 'isolated',
  concentration: (dimension: string) => `concentration:${dimension}`,
};

/** `day` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Same rule as the engine: dismissed, or snoozed without an end or until after `today`. */
export function isHidden(doc: CarnetDocument, key: string, today: string): boolean {
  const s = getOwn(doc.suggestions, key);
  if (!s) return false;
  if (s.status === 'dismissed') return true;
  return s.until === undefined || s.until.slice(0, 10) > today;
}

export function snoozeSuggestion(key: string, today: string, days = SNOOZE_DAYS): ChangeSet {
  return { label: { key: 'analysis.labels.snooze' }, changes: [{ op: 'put', coll: 'suggestions', id: key, value: { id: key, status: 'snoozed', until: addDays(today, days) } }] };
}

export function dismissSuggestion(key: string): ChangeSet {
  return { label: { key: 'analysis.labels.dismiss' }, changes: [{ op: 'put', coll: 'suggestions', id: key, value: { id: key, status: 'dismissed' } }] };
}
