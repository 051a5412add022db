/**
 * Every change to a document is a ChangeSet: a labelled list of primitive
 * changes (put an entity, delete an entity, set the user's profile or the
 * title). Applying a ChangeSet returns its exact inverse, computed from the
 * document as it was. Undo/redo, autosave and the crash journal all use this
 * one mechanism: the journal stores ChangeSets, undo applies inverses.
 */
import { z } from 'zod';
import {
  COLLECTIONS,
  ENTITY_SCHEMAS,
  Me,
  type CarnetDocument,
  type CollectionName,
} from './schema.js';
import { getOwn, hasOwnId, idValues, putOwn } from './idMap.js';
import { firstZodError } from './validate.js';

export const Change = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), coll: z.enum(COLLECTIONS), id: z.string().min(1).max(200), value: z.unknown() }),
  z.object({ op: z.literal('del'), coll: z.enum(COLLECTIONS), id: z.string().min(1).max(200) }),
  z.object({ op: z.literal('me'), value: Me }),
  z.object({ op: z.literal('title'), value: z.string().min(1).max(500) }),
]);
export type Change = z.infer<typeof Change>;

/**
 * What the user did, as a key of the shared catalog (shared/i18n) and its
 * parameters (`{key: 'labels.addTo', params: {name: 'Clients'}}`): Undo/Redo
 * show it in the interface's language.
 */
export const Label = z.strictObject({
  key: z.string().min(1).max(200),
  params: z.record(z.string().min(1).max(100), z.union([z.string().max(1000), z.number()])).optional(),
});
export type Label = z.infer<typeof Label>;

export const ChangeSet = z.object({
  label: Label,
  changes: z.array(Change),
});
export type ChangeSet = z.infer<typeof ChangeSet>;

export class ChangeError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

const HAS_ID_FIELD: ReadonlySet<CollectionName> = new Set(
  COLLECTIONS.filter((c) => c !== 'positions'),
);

/**
 * Checks that each change is well formed and its entity valid, and returns
 * the changes with entities as parsed (defaults filled in). Does not look at
 * references: see `applyChangeSet`.
 */
export function parseChangeSet(input: unknown): ChangeSet {
  const parsed = ChangeSet.safeParse(input);
  if (!parsed.success) {
    const e = firstZodError(parsed.error);
    throw new ChangeError(e.message, e.path);
  }
  const changes = parsed.data.changes.map((c, i): Change => {
    if (c.op !== 'put') return c;
    const r = ENTITY_SCHEMAS[c.coll].safeParse(c.value);
    if (!r.success) {
      const e = firstZodError(r.error);
      throw new ChangeError(e.message, `$.changes[${i}].value${e.path.slice(1)}`);
    }
    if (HAS_ID_FIELD.has(c.coll) && (r.data as { id: string }).id !== c.id) {
      throw new ChangeError(`entity id differs from the change's id "${c.id}"`, `$.changes[${i}].value.id`);
    }
    return { ...c, value: r.data };
  });
  return { label: parsed.data.label, changes };
}

type AnyCollection = Record<string, unknown>;

function collection(doc: CarnetDocument, coll: CollectionName): AnyCollection {
  // A replica parsed from a text an older Carnet wrote (no schema defaults) may lack a newer collection.
  return ((doc as Record<string, unknown>)[coll] ??= Object.create(null)) as AnyCollection;
}

/**
 * Applies the changes in order, mutating `doc`, and returns the inverse
 * ChangeSet (apply it to get the document back exactly). If a change breaks
 * a reference (a tie to a missing contact...) nothing is applied and a
 * ChangeError is thrown: a document is never half-changed.
 *
 * The document gets copies of the set's values, so the caller may keep or reuse the set. `adopt: true`
 * puts the values themselves, for a caller that drops the set at once (the CLI building a new document
 * from an import of tens of MB: the copies were a quarter of a second and as much memory again).
 */
export function applyChangeSet(doc: CarnetDocument, set: ChangeSet, opts: { adopt?: boolean } = {}): ChangeSet {
  const inverse: Change[] = [];
  const own = opts.adopt === true ? <T>(v: T): T => v : structuredClone;
  try {
    for (const change of set.changes) inverse.push(applyOne(doc, change, own));
    const broken = findBrokenReference(doc, set.changes);
    if (broken) throw new ChangeError(broken.message, broken.path);
  } catch (e) {
    for (let i = inverse.length - 1; i >= 0; i--) applyOne(doc, inverse[i]!);
    throw e;
  }
  inverse.reverse();
  return { label: set.label, changes: inverse };
}

function applyOne(doc: CarnetDocument, change: Change, own: <T>(v: T) => T = structuredClone): Change {
  switch (change.op) {
    case 'me': {
      const before = doc.me;
      doc.me = own(change.value);
      return { op: 'me', value: before };
    }
    case 'title': {
      const before = doc.meta.title;
      doc.meta.title = change.value;
      return { op: 'title', value: before };
    }
    case 'put': {
      const coll = collection(doc, change.coll);
      const before = getOwn(coll, change.id);
      putOwn(coll, change.id, own(change.value));
      return before === undefined
        ? { op: 'del', coll: change.coll, id: change.id }
        : { op: 'put', coll: change.coll, id: change.id, value: before };
    }
    case 'del': {
      const coll = collection(doc, change.coll);
      if (!hasOwnId(coll, change.id)) {
        throw new ChangeError(`no ${change.coll} entry "${change.id}" to delete`, `$.${change.coll}`);
      }
      const before = coll[change.id];
      delete coll[change.id];
      return { op: 'put', coll: change.coll, id: change.id, value: before };
    }
  }
}

/**
 * Checks only the references the changes could have broken, so a change to
 * one contact in a 30,000-contact document stays cheap. Own ids only: the
 * document may be a plain JSON copy (the renderer's), where `contacts.constructor` is inherited.
 */
function findBrokenReference(doc: CarnetDocument, changes: readonly Change[]): { path: string; message: string } | null {
  const deletedContacts = new Set<string>();
  const deletedCategories = new Set<string>();
  for (const c of changes) {
    if (c.op === 'del' && c.coll === 'contacts') deletedContacts.add(c.id);
    if (c.op === 'del' && c.coll === 'categories') deletedCategories.add(c.id);
  }
  for (const c of changes) {
    if (c.op !== 'put') continue;
    if (c.coll === 'ties') {
      const t = getOwn(doc.ties, c.id);
      if (!t) continue;
      if (t.from === t.to) return { path: `$.ties.${c.id}`, message: 'a tie must join two different contacts' };
      for (const end of [t.from, t.to]) {
        if (!hasOwnId(doc.contacts, end)) return { path: `$.ties.${c.id}`, message: `tie refers to unknown contact "${end}"` };
      }
    } else if (c.coll === 'interactions') {
      const it = getOwn(doc.interactions, c.id);
      if (!it) continue;
      for (const p of it.contacts) {
        if (!hasOwnId(doc.contacts, p)) return { path: `$.interactions.${c.id}`, message: `interaction refers to unknown contact "${p}"` };
      }
    } else if (c.coll === 'contacts') {
      const ct = getOwn(doc.contacts, c.id);
      if (!ct) continue;
      for (const cat of ct.categories) {
        if (!hasOwnId(doc.categories, cat)) return { path: `$.contacts.${c.id}.categories`, message: `unknown category "${cat}"` };
      }
    } else if (c.coll === 'positions') {
      if (!hasOwnId(doc.contacts, c.id)) return { path: `$.positions.${c.id}`, message: `position of unknown contact "${c.id}"` };
    }
  }
  if (deletedContacts.size > 0) {
    for (const id of deletedContacts) {
      if (hasOwnId(doc.contacts, id)) continue;
      if (hasOwnId(doc.positions, id)) return { path: `$.positions.${id}`, message: `contact "${id}" is deleted but still has a position` };
    }
    for (const t of idValues(doc.ties)) {
      if (deletedContacts.has(t.from) || deletedContacts.has(t.to)) {
        if (!hasOwnId(doc.contacts, t.from) || !hasOwnId(doc.contacts, t.to)) {
          return { path: `$.ties.${t.id}`, message: 'tie refers to a deleted contact' };
        }
      }
    }
    for (const it of idValues(doc.interactions)) {
      for (const p of it.contacts) {
        if (deletedContacts.has(p) && !hasOwnId(doc.contacts, p)) {
          return { path: `$.interactions.${it.id}`, message: 'interaction refers to a deleted contact' };
        }
      }
    }
  }
  if (deletedCategories.size > 0) {
    for (const ct of idValues(doc.contacts)) {
      for (const cat of ct.categories) {
        if (deletedCategories.has(cat) && !hasOwnId(doc.categories, cat)) {
          return { path: `$.contacts.${ct.id}.categories`, message: `contact still in deleted category "${cat}"` };
        }
      }
    }
  }
  return null;
}
