/**
 * Builders for the ChangeSets behind user actions. They read the current
 * document and return what to change; they never mutate it. The renderer, the
 * CLI and the importers all build their edits here, so a given action always
 * produces the same primitive changes (and therefore the same inverse).
 */
import { getOwn, hasOwnId, idValues } from './idMap.js';
import type { Change, ChangeSet, Label } from './operations.js';
import {
  Contact,
  type CarnetDocument,
  type Category,
  type ContactInput,
  type Interaction,
  type Position,
} from './schema.js';

/** A new random id with a readable prefix (`c_…` for contacts). */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}

export type NewContact = Omit<ContactInput, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

export function addContact(doc: CarnetDocument, input: NewContact, now = nowIso()): ChangeSet {
  const id = input.id ?? newId('c');
  if (hasOwnId(doc.contacts, id)) throw new Error(`a contact with id "${id}" already exists`);
  const contact = Contact.parse({ ...input, id, createdAt: now, updatedAt: now });
  return { label: { key: 'labels.addContact' }, changes: [{ op: 'put', coll: 'contacts', id, value: contact }] };
}

/** Replaces the given fields of a contact (a field set to undefined is removed). */
export function updateContact(
  doc: CarnetDocument,
  id: string,
  patch: Partial<Omit<Contact, 'id' | 'createdAt'>>,
  now = nowIso(),
): ChangeSet {
  const current = getOwn(doc.contacts, id);
  if (!current) throw new Error(`no contact "${id}"`);
  const next: Record<string, unknown> = { ...current, ...patch, id, updatedAt: now };
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
  return { label: { key: 'labels.editContact' }, changes: [{ op: 'put', coll: 'contacts', id, value: Contact.parse(next) }] };
}

/**
 * Deletes contacts with everything that only made sense with them: their
 * ties and position; they are taken out of shared interactions, and an
 * interaction left with nobody is deleted.
 */
export function deleteContacts(doc: CarnetDocument, ids: readonly string[]): ChangeSet {
  const gone = new Set(ids.filter((id) => hasOwnId(doc.contacts, id)));
  const changes: Change[] = [];
  for (const t of idValues(doc.ties)) {
    if (gone.has(t.from) || gone.has(t.to)) changes.push({ op: 'del', coll: 'ties', id: t.id });
  }
  for (const it of idValues(doc.interactions)) {
    if (!it.contacts.some((c) => gone.has(c))) continue;
    const left = it.contacts.filter((c) => !gone.has(c));
    if (left.length === 0) changes.push({ op: 'del', coll: 'interactions', id: it.id });
    else changes.push({ op: 'put', coll: 'interactions', id: it.id, value: { ...it, contacts: left } });
  }
  for (const id of gone) {
    if (hasOwnId(doc.positions, id)) changes.push({ op: 'del', coll: 'positions', id });
    changes.push({ op: 'del', coll: 'contacts', id });
  }
  return { label: gone.size === 1 ? { key: 'labels.deleteContact' } : { key: 'labels.deleteContacts', params: { count: gone.size } }, changes };
}

export function addCategory(doc: CarnetDocument, input: Omit<Category, 'id'> & { id?: string }): ChangeSet {
  const id = input.id ?? newId('cat');
  if (hasOwnId(doc.categories, id)) throw new Error(`a category with id "${id}" already exists`);
  return { label: { key: 'labels.addCategory' }, changes: [{ op: 'put', coll: 'categories', id, value: { ...input, id } }] };
}

/** Deletes a category and takes every contact out of it. */
export function deleteCategory(doc: CarnetDocument, id: string, now = nowIso()): ChangeSet {
  const changes: Change[] = [];
  for (const c of idValues(doc.contacts)) {
    if (c.categories.includes(id)) {
      changes.push({ op: 'put', coll: 'contacts', id: c.id, value: { ...c, categories: c.categories.filter((x) => x !== id), updatedAt: now } });
    }
  }
  changes.push({ op: 'del', coll: 'categories', id });
  return { label: { key: 'labels.deleteCategory' }, changes };
}

/** Puts contacts into a category (member = true) or takes them out. Contacts already in that state are left alone. */
export function setCategoryMembership(
  doc: CarnetDocument,
  contactIds: readonly string[],
  categoryId: string,
  member: boolean,
  now = nowIso(),
): ChangeSet {
  const changes: Change[] = [];
  for (const id of contactIds) {
    const c = getOwn(doc.contacts, id);
    if (!c) continue;
    const has = c.categories.includes(categoryId);
    if (has === member) continue;
    const categories = member ? [...c.categories, categoryId] : c.categories.filter((x) => x !== categoryId);
    changes.push({ op: 'put', coll: 'contacts', id, value: { ...c, categories, updatedAt: now } });
  }
  const name = getOwn(doc.categories, categoryId)?.name ?? categoryId;
  return { label: { key: member ? 'labels.addTo' : 'labels.removeFrom', params: { name } }, changes };
}

export function logInteraction(doc: CarnetDocument, input: Omit<Interaction, 'id'> & { id?: string }): ChangeSet {
  const id = input.id ?? newId('i');
  for (const c of input.contacts) if (!hasOwnId(doc.contacts, c)) throw new Error(`no contact "${c}"`);
  return { label: { key: 'labels.logInteraction' }, changes: [{ op: 'put', coll: 'interactions', id, value: { ...input, id } }] };
}

export function setPositions(positions: Readonly<Record<string, Position>>, label: Label = { key: 'labels.move' }): ChangeSet {
  return {
    label,
    changes: Object.entries(positions).map(([id, value]): Change => ({ op: 'put', coll: 'positions', id, value })),
  };
}

/** One undoable step made of several ChangeSets (an import, a drag of a selection…). */
export function compose(label: Label, ...sets: ChangeSet[]): ChangeSet {
  return { label, changes: sets.flatMap((s) => s.changes) };
}
