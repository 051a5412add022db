/** ChangeSet builders and queries for the user's categories. */
import { pickCategoryColor } from './categoryColors.js';
import { addCategory, compose, newId, nowIso, setCategoryMembership, setPositions } from './commands.js';
import type { Change, ChangeSet, Label } from './operations.js';
import type { CarnetDocument, Category, Position } from './schema.js';
import { getOwn, hasOwnId, idValues, putOwn } from './idMap.js';

/** Categories joined (`add`) and left (`remove`) by a drop, each category id with its contact ids. */
export type AreaChanges = { add: Map<string, string[]>; remove: Map<string, string[]> };

/** Renames, recolours or sets the cadence of a category (cadence undefined: none). */
export function editCategory(doc: CarnetDocument, id: string, patch: Partial<Omit<Category, 'id'>>): ChangeSet {
  const current = getOwn(doc.categories, id);
  if (!current) throw new Error(`no category "${id}"`);
  const next: Category = { ...current, ...patch, id };
  if (next.cadenceDays === undefined) delete next.cadenceDays;
  return { label: { key: 'labels.editCategory' }, changes: [{ op: 'put', coll: 'categories', id, value: next }] };
}

/** Creates a category with a free colour and puts these contacts in it: one undo step. */
export function newCategoryWith(doc: CarnetDocument, name: string, contactIds: readonly string[]): { id: string; set: ChangeSet } {
  const id = newId('cat');
  const color = pickCategoryColor(Object.values(doc.categories).map((c) => c.color));
  const created = addCategory(doc, { id, name, color });
  // The membership builder reads the category's name from the document, where it does not exist yet.
  const categories = { ...doc.categories };
  putOwn(categories, id, { id, name, color });
  const withIt: CarnetDocument = { ...doc, categories };
  const members = setCategoryMembership(withIt, contactIds, id, true);
  return { id, set: contactIds.length > 0 ? compose({ key: 'labels.addTo', params: { name } }, created, members) : created };
}

/** The category whose name is `name`, ignoring case and accents. */
export function categoryNamed(doc: CarnetDocument, name: string): Category | undefined {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  const wanted = fold(name);
  return Object.values(doc.categories).find((c) => fold(c.name) === wanted);
}

/** Categories in the order the palette and the picker list them. */
export function sortedCategories(doc: CarnetDocument, lang: string): Category[] {
  return Object.values(doc.categories).sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** How many contacts each category holds. */
export function categoryCounts(doc: CarnetDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of idValues(doc.contacts)) for (const id of c.categories) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/**
 * A drop on the category areas of the map as one undo step: the contacts' new positions and the categories
 * they joined or left. Labelled like a drop on the palette when it changes one category ("Add to X",
 * "Remove from X"), "Change categories" when it changes several.
 */
export function areaDropChangeSet(doc: CarnetDocument, positions: Readonly<Record<string, Position>>, changes: AreaChanges, now = nowIso()): ChangeSet {
  const next = new Map<string, string[]>();
  const current = (id: string) => next.get(id) ?? [...getOwn(doc.contacts, id)!.categories];
  for (const [cat, ids] of changes.add) {
    for (const id of ids) {
      if (!hasOwnId(doc.contacts, id) || !hasOwnId(doc.categories, cat)) continue;
      const list = current(id);
      if (!list.includes(cat)) list.push(cat);
      next.set(id, list);
    }
  }
  for (const [cat, ids] of changes.remove) {
    for (const id of ids) if (hasOwnId(doc.contacts, id)) next.set(id, current(id).filter((c) => c !== cat));
  }
  const contacts: Change[] = [...next].map(([id, categories]) => ({ op: 'put', coll: 'contacts', id, value: { ...getOwn(doc.contacts, id)!, categories, updatedAt: now } }));
  const touched = [...changes.add.keys(), ...changes.remove.keys()];
  const only = touched.length === 1 ? getOwn(doc.categories, touched[0]!) : undefined;
  const label: Label = only
    ? { key: changes.add.size === 1 ? 'labels.addTo' : 'labels.removeFrom', params: { name: only.name } }
    : { key: 'labels.changeCategories' };
  return compose(label, setPositions(positions), { label, changes: contacts });
}
