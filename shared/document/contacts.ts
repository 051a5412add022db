/**
 * ChangeSet builders for what the user decides about contacts as a
 * relationship: archive or bring back, closeness, cadence. Each takes a list
 * of ids so that the contact panel (one contact) and review mode or a map
 * selection (many) build the same one-step change. Contacts already in the
 * wanted state are left out of the change, and unknown ids are ignored.
 */
import { nowIso } from './commands.js';
import type { Change, ChangeSet, Label } from './operations.js';
import type { CarnetDocument, Contact } from './schema.js';

/** Closeness values (schema: 1 acquaintance … 5 intimate). */
export const CLOSENESS = [1, 2, 3, 4, 5] as const;
export const MIN_CADENCE_DAYS = 1;
export const MAX_CADENCE_DAYS = 3650;

/** The contact stored under `id`, own keys only: an id such as "constructor" is data, not a property of every object. */
export function contactById(doc: CarnetDocument, id: string): Contact | undefined {
  return Object.hasOwn(doc.contacts, id) ? doc.contacts[id] : undefined;
}

/** Puts `patch` on each listed contact that differs from it (a field set to undefined is removed). */
function patchContacts(doc: CarnetDocument, ids: readonly string[], patch: Partial<Contact>, label: Label, now: string): ChangeSet {
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const c = contactById(doc, id);
    if (!c || seen.has(id)) continue;
    seen.add(id);
    const keys = Object.keys(patch) as (keyof Contact)[];
    if (keys.every((k) => c[k] === patch[k])) continue;
    const next: Record<string, unknown> = { ...c, ...patch, updatedAt: now };
    for (const k of keys) if (next[k] === undefined) delete next[k];
    changes.push({ op: 'put', coll: 'contacts', id, value: next });
  }
  return { label, changes };
}

/** Archives contacts (kept, but out of the map's clusters and the suggestions) or brings them back. */
export function setArchived(doc: CarnetDocument, ids: readonly string[], archived: boolean, now = nowIso()): ChangeSet {
  const count = new Set(ids.filter((id) => contactById(doc, id))).size;
  const label: Label = { key: archived ? 'panel.labels.archive' : 'panel.labels.unarchive', params: { count } };
  // Not archived is stored as the field left out, as in imported and hand-written files.
  return patchContacts(doc, ids, { archived: archived ? true : undefined }, label, now);
}

/** Sets the closeness of contacts (1–5), or clears it (undefined: inferred from the interactions). */
export function setCloseness(doc: CarnetDocument, ids: readonly string[], strength: number | undefined, now = nowIso()): ChangeSet {
  if (strength !== undefined && !(CLOSENESS as readonly number[]).includes(strength)) {
    throw new RangeError(`closeness must be a whole number from 1 to 5, got ${strength}`);
  }
  return patchContacts(doc, ids, { strength }, { key: 'panel.labels.closeness' }, now);
}

/** Sets how often the user wants to be in touch with contacts, in days, or clears it (their categories' or closeness' cadence applies). */
export function setCadence(doc: CarnetDocument, ids: readonly string[], days: number | undefined, now = nowIso()): ChangeSet {
  if (days !== undefined && !(Number.isInteger(days) && days >= MIN_CADENCE_DAYS && days <= MAX_CADENCE_DAYS)) {
    throw new RangeError(`cadence must be a whole number of days from ${MIN_CADENCE_DAYS} to ${MAX_CADENCE_DAYS}, got ${days}`);
  }
  return patchContacts(doc, ids, { cadenceDays: days }, { key: 'panel.labels.cadence' }, now);
}
