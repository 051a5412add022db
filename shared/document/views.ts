/**
 * Saved views of the map (`doc.views`): the user names what they are
 * looking at (filters, the part of the map, the map options, an ego view)
 * and comes back to it. Each save and each deletion is one undo step.
 */
import { newId, nowIso } from './commands.js';
import type { ChangeSet } from './operations.js';
import { SavedView, type CarnetDocument } from './schema.js';

export type ViewInput = Omit<SavedView, 'id' | 'createdAt' | 'name'>;

/** The saved views, by name in the user's language. */
export function sortedViews(doc: CarnetDocument, language: string): SavedView[] {
  return Object.values(doc.views).sort((a, b) => a.name.localeCompare(b.name, language) || (a.id < b.id ? -1 : 1));
}

/**
 * Saves the view under `name` (trimmed). A view of that name (whatever its
 * case) is replaced, keeping its id: saving again updates it.
 */
export function saveView(doc: CarnetDocument, name: string, view: ViewInput, now = nowIso()): ChangeSet {
  const clean = name.trim();
  if (!clean) throw new Error('a saved view needs a name');
  const same = Object.values(doc.views).find((v) => v.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
  const id = same?.id ?? newId('v');
  const value = SavedView.parse({ ...view, id, name: clean, createdAt: same?.createdAt ?? now });
  return { label: { key: 'views.undoSave', params: { name: clean } }, changes: [{ op: 'put', coll: 'views', id, value }] };
}

export function deleteView(doc: CarnetDocument, id: string): ChangeSet {
  const view = Object.hasOwn(doc.views, id) ? doc.views[id] : undefined;
  if (!view) throw new Error(`no saved view "${id}"`);
  return { label: { key: 'views.undoDelete', params: { name: view.name } }, changes: [{ op: 'del', coll: 'views', id }] };
}
