import { addCategory, compose, newId, setCategoryMembership } from '../../../shared/document/commands.js';
import type { ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument, Category } from '../../../shared/document/schema.js';
import { pickCategoryColor } from './colors.js';

/** Renames, recolours or sets the cadence of a category (cadence undefined: none). */
export function editCategory(doc: CarnetDocument, id: string, patch: Partial<Omit<Category, 'id'>>): ChangeSet {
  const current = doc.categories[id];
  if (!current) throw new Error(`no category "${id}"`);
  const next: Category = { ...current, ...patch, id };
  if (next.cadenceDays === undefined) delete next.cadenceDays;
  return { label: 'Edit category', changes: [{ op: 'put', coll: 'categories', id, value: next }] };
}

/** Creates a category with a free colour and puts these contacts in it: one undo step. */
export function newCategoryWith(doc: CarnetDocument, name: string, contactIds: readonly string[]): { id: string; set: ChangeSet } {
  const id = newId('cat');
  const color = pickCategoryColor(Object.values(doc.categories).map((c) => c.color));
  const created = addCategory(doc, { id, name, color });
  // The membership builder reads the category's name from the document, where it does not exist yet.
  const withIt: CarnetDocument = { ...doc, categories: { ...doc.categories, [id]: { id, name, color } } };
  const members = setCategoryMembership(withIt, contactIds, id, true);
  return { id, set: contactIds.length > 0 ? compose(`Add to ${name}`, created, members) : created };
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
  for (const c of Object.values(doc.contacts)) for (const id of c.categories) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
