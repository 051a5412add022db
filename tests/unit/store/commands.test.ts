// Every command builder, applied then undone with its inverse, gives back
// the document it started from; and parseChangeSet / applyChangeSet refuse
// bad input with the JSON path of the problem.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  addCategory,
  addContact,
  compose,
  deleteCategory,
  deleteContacts,
  logInteraction,
  newId,
  setCategoryMembership,
  setPositions,
  updateContact,
} from '../../../shared/document/commands.js';
import { applyChangeSet, ChangeError, parseChangeSet, type ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { NOW, sampleDocument } from './helpers.js';

const LATER = '2025-04-01T09:00:00.000Z';

/** The sample document plus a tie, two interactions and positions, so deletions have something to cascade to. */
function richDocument(): CarnetDocument {
  const doc = sampleDocument();
  applyChangeSet(doc, {
    label: { key: 'setup' },
    changes: [
      { op: 'put', coll: 'ties', id: 't1', value: { id: 't1', from: 'c1', to: 'c2', strength: 0.8 } },
      { op: 'put', coll: 'ties', id: 't2', value: { id: 't2', from: 'c2', to: 'c3', strength: 0.2 } },
      { op: 'put', coll: 'interactions', id: 'i1', value: { id: 'i1', date: '2024-05-02', contacts: ['c1', 'c2'], channel: 'in-person', direction: 'gave' } },
      { op: 'put', coll: 'interactions', id: 'i2', value: { id: 'i2', date: '2021-01-10', contacts: ['c2'], channel: 'call', direction: 'mutual' } },
      { op: 'put', coll: 'positions', id: 'c1', value: { x: 1, y: 2 } },
      { op: 'put', coll: 'positions', id: 'c2', value: { x: -3, y: 4, pinned: true } },
    ],
  });
  return doc;
}

/** Applies `build(doc)`, checks `effect`, applies the inverse and checks the document is back, exactly. */
function roundTrip(build: (doc: CarnetDocument) => ChangeSet, effect: (doc: CarnetDocument) => void): ChangeSet {
  const doc = richDocument();
  const before = structuredClone(doc);
  const set = parseChangeSet(build(doc));
  const inverse = applyChangeSet(doc, set);
  effect(doc);
  const valid = validateDocument(doc);
  expect(valid.ok ? null : valid.error).toBeNull();
  expect(inverse.label).toBe(set.label);
  applyChangeSet(doc, inverse);
  expect(doc).toEqual(before);
  return set;
}

describe('command builders and their inverses', () => {
  it('addContact', () => {
    const set = roundTrip(
      (d) => addContact(d, { id: 'c9', name: 'Zoé Blanc', emails: [{ value: 'zoe@example.org' }] }, LATER),
      (d) => {
        expect(d.contacts.c9).toMatchObject({ name: 'Zoé Blanc', createdAt: LATER, tags: [], categories: [] });
      },
    );
    expect(set.label).toEqual({ key: 'labels.addContact' });
  });

  it('addContact refuses an existing id and invalid fields', () => {
    const doc = richDocument();
    expect(() => addContact(doc, { id: 'c1', name: 'Again' })).toThrow(/already exists/);
    expect(() => addContact(doc, { name: '' })).toThrow();
  });

  it('updateContact (a field set to undefined is removed)', () => {
    roundTrip(
      (d) => updateContact(d, 'c1', { city: undefined, notes: 'Met at a meetup', strength: 4 }, LATER),
      (d) => {
        expect(d.contacts.c1).toMatchObject({ notes: 'Met at a meetup', strength: 4, updatedAt: LATER, createdAt: NOW });
        expect('city' in d.contacts.c1!).toBe(false);
      },
    );
    expect(() => updateContact(richDocument(), 'nobody', { city: 'x' })).toThrow(/no contact "nobody"/);
  });

  it('deleteContacts cascades to ties, positions and interactions', () => {
    const set = roundTrip(
      (d) => deleteContacts(d, ['c2', 'missing']),
      (d) => {
        expect(d.contacts.c2).toBeUndefined();
        expect(Object.keys(d.ties)).toEqual([]);
        expect(d.positions.c2).toBeUndefined();
        expect(d.interactions.i1?.contacts).toEqual(['c1']);
        expect(d.interactions.i2).toBeUndefined();
      },
    );
    expect(set.label).toEqual({ key: 'labels.deleteContact' });
    expect(roundTrip((d) => deleteContacts(d, ['c1', 'c3']), (d) => expect(Object.keys(d.contacts)).toEqual(['c2'])).label).toEqual({ key: 'labels.deleteContacts', params: { count: 2 } });
  });

  it('addCategory', () => {
    roundTrip(
      (d) => addCategory(d, { id: 'cat9', name: 'Investisseurs', color: '#00aa55' }),
      (d) => expect(d.categories.cat9?.name).toBe('Investisseurs'),
    );
    expect(() => addCategory(richDocument(), { id: 'cat1', name: 'x', color: '#000000' })).toThrow(/already exists/);
  });

  it('deleteCategory takes every contact out of it', () => {
    roundTrip(
      (d) => deleteCategory(d, 'cat1', LATER),
      (d) => {
        expect(d.categories.cat1).toBeUndefined();
        expect(d.contacts.c1?.categories).toEqual([]);
        expect(d.contacts.c1?.updatedAt).toBe(LATER);
      },
    );
  });

  it('setCategoryMembership adds and removes, leaving contacts already in that state alone', () => {
    const add = roundTrip(
      (d) => setCategoryMembership(d, ['c1', 'c2', 'c3', 'ghost'], 'cat1', true, LATER),
      (d) => {
        for (const id of ['c1', 'c2', 'c3']) expect(d.contacts[id]?.categories).toEqual(['cat1']);
        expect(d.contacts.c1?.updatedAt).toBe(NOW);
      },
    );
    expect(add.label).toEqual({ key: 'labels.addTo', params: { name: 'Clients' } });
    expect(add.changes).toHaveLength(2);
    const remove = roundTrip(
      (d) => setCategoryMembership(d, ['c1'], 'cat1', false, LATER),
      (d) => expect(d.contacts.c1?.categories).toEqual([]),
    );
    expect(remove.label).toEqual({ key: 'labels.removeFrom', params: { name: 'Clients' } });
  });

  it('logInteraction', () => {
    roundTrip(
      (d) => logInteraction(d, { id: 'i9', date: '2025-02-01', contacts: ['c1', 'c3'], channel: 'video', direction: 'received', note: 'Intro' }),
      (d) => expect(d.interactions.i9?.contacts).toEqual(['c1', 'c3']),
    );
    expect(() => logInteraction(richDocument(), { date: '2025-02-01', contacts: ['ghost'], channel: 'call', direction: 'gave' })).toThrow(
      /no contact "ghost"/,
    );
  });

  it('setPositions replaces and adds positions', () => {
    const set = roundTrip(
      (d) => setPositions({ c1: { x: 10, y: 20 }, c3: { x: 0, y: 0, pinned: true } }),
      (d) => {
        expect(d.positions.c1).toEqual({ x: 10, y: 20 });
        expect(d.positions.c3).toEqual({ x: 0, y: 0, pinned: true });
      },
    );
    expect(set.label).toEqual({ key: 'labels.move' });
  });

  it('compose makes one step of several', () => {
    const set = roundTrip(
      (d) =>
        compose(
          { key: 'import.undoFiles', params: { count: 2 } },
          addContact(d, { id: 'c7', name: 'Imported One' }, LATER),
          addContact(d, { id: 'c8', name: 'Imported Two' }, LATER),
          setPositions({ c7: { x: 5, y: 5 } }),
        ),
      (d) => {
        expect(d.contacts.c7 && d.contacts.c8 && d.positions.c7).toBeTruthy();
      },
    );
    expect(set.label).toEqual({ key: 'import.undoFiles', params: { count: 2 } });
    expect(set.changes).toHaveLength(3);
  });

  it('me and title changes', () => {
    roundTrip(
      () => ({
        label: { key: 'Profile' },
        changes: [
          { op: 'me', value: { name: 'Camille', organizations: [{ name: 'Lumière', current: true }], schools: [], tags: ['product'] } },
          { op: 'title', value: 'Mon réseau' },
        ],
      }),
      (d) => {
        expect(d.me.name).toBe('Camille');
        expect(d.meta.title).toBe('Mon réseau');
      },
    );
  });

  it('newId makes distinct ids with the given prefix', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newId('c')));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^c_[0-9a-f]{16}$/);
  });
});

describe('parseChangeSet rejections', () => {
  const rejection = (input: unknown): ChangeError => {
    try {
      parseChangeSet(input);
    } catch (e) {
      expect(e).toBeInstanceOf(ChangeError);
      return e as ChangeError;
    }
    throw new Error('accepted');
  };

  it('names the path of a malformed ChangeSet', () => {
    expect(rejection({ changes: [] }).path).toBe('$.label');
    expect(rejection({ label: { key: 'x' }, changes: [{ op: 'move', coll: 'contacts', id: 'c1' }] }).path).toBe('$.changes[0].op');
    expect(rejection({ label: { key: 'x' }, changes: [{ op: 'del', coll: 'people', id: 'c1' }] }).path).toBe('$.changes[0].coll');
    expect(rejection({ label: { key: 'x' }, changes: [{ op: 'del', coll: 'contacts', id: '' }] }).path).toBe('$.changes[0].id');
    expect(rejection({ label: { key: 'x' }, changes: [{ op: 'title', value: '' }] }).path).toBe('$.changes[0].value');
  });

  it('names the path inside an invalid entity', () => {
    const contact = { id: 'c1', name: 'A', createdAt: NOW, updatedAt: NOW, emails: [{ value: '' }] };
    const e = rejection({ label: { key: 'x' }, changes: [{ op: 'del', coll: 'ties', id: 't1' }, { op: 'put', coll: 'contacts', id: 'c1', value: contact }] });
    expect(e.path).toBe('$.changes[1].value.emails[0].value');
    const color = rejection({ label: { key: 'x' }, changes: [{ op: 'put', coll: 'categories', id: 'k', value: { id: 'k', name: 'K', color: 'red' } }] });
    expect(color.path).toBe('$.changes[0].value.color');
    expect(color.message).toContain('#rrggbb');
  });

  it('refuses an entity whose id differs from the change id', () => {
    const e = rejection({ label: { key: 'x' }, changes: [{ op: 'put', coll: 'categories', id: 'a', value: { id: 'b', name: 'B', color: '#000000' } }] });
    expect(e.path).toBe('$.changes[0].value.id');
  });

  it('fills in defaults of the entities it accepts', () => {
    const set = parseChangeSet({ label: { key: 'x' }, changes: [{ op: 'put', coll: 'ties', id: 't', value: { id: 't', from: 'c1', to: 'c2' } }] });
    expect(set.changes[0]).toMatchObject({ value: { strength: 0.5 } });
  });
});

describe('applyChangeSet refuses broken references, all or nothing', () => {
  // Key order may change (a deleted entry put back comes last); the content may not.
  const refused = (set: ChangeSet): { error: ChangeError; unchanged: boolean } => {
    const doc = richDocument();
    const before = structuredClone(doc);
    try {
      applyChangeSet(doc, set);
    } catch (e) {
      // Compared as JSON: parsed collections have no prototype, their structured clones do.
      return { error: e as ChangeError, unchanged: isDeepStrictEqual(JSON.parse(JSON.stringify(doc)), JSON.parse(JSON.stringify(before))) };
    }
    throw new Error('applied');
  };

  it('a tie to an unknown contact, after valid changes', () => {
    const { error, unchanged } = refused({
      label: { key: 'x' },
      changes: [
        { op: 'title', value: 'Changed' },
        { op: 'put', coll: 'ties', id: 't9', value: { id: 't9', from: 'c1', to: 'ghost', strength: 0.5 } },
      ],
    });
    expect(error.path).toBe('$.ties.t9');
    expect(unchanged).toBe(true);
  });

  it('deleting a contact that still has ties', () => {
    const { error, unchanged } = refused({ label: { key: 'x' }, changes: [{ op: 'del', coll: 'contacts', id: 'c1' }] });
    expect(error).toBeInstanceOf(ChangeError);
    expect(unchanged).toBe(true);
  });

  it('deleting what does not exist', () => {
    const { error } = refused({ label: { key: 'x' }, changes: [{ op: 'del', coll: 'personas', id: 'p1' }] });
    expect(error.path).toBe('$.personas');
  });
});

describe('applyChangeSet with adopt', () => {
  const set = (): ChangeSet => ({
    label: { key: 'import' },
    changes: [
      { op: 'put', coll: 'contacts', id: 'c9', value: { id: 'c9', name: 'Zoé Blanc', categories: [], createdAt: LATER, updatedAt: LATER } },
      { op: 'put', coll: 'ties', id: 't9', value: { id: 't9', from: 'c9', to: 'c1', strength: 0.5 } },
    ],
  });

  it('gives the same document and inverse as a copying apply, and keeps the values themselves', () => {
    const copied = richDocument();
    const adopted = richDocument();
    const given = set();
    const kept = set();
    const inverseCopied = applyChangeSet(copied, kept);
    const inverseAdopted = applyChangeSet(adopted, given, { adopt: true });
    expect(adopted).toEqual(copied);
    expect(inverseAdopted).toEqual(inverseCopied);
    expect(adopted.contacts.c9).toBe((given.changes[0] as { value: unknown }).value);
    // The default copies: a caller changing its set afterwards does not change the document.
    (kept.changes[0] as { value: { name: string } }).value.name = 'Changed later';
    expect(copied.contacts.c9!.name).toBe('Zoé Blanc');
  });

  it('still applies nothing when a reference is broken', () => {
    const doc = richDocument();
    const before = structuredClone(doc);
    const broken: ChangeSet = { label: { key: 'x' }, changes: [{ op: 'put', coll: 'ties', id: 't9', value: { id: 't9', from: 'c1', to: 'nobody', strength: 0.5 } }] };
    expect(() => applyChangeSet(doc, broken, { adopt: true })).toThrow(ChangeError);
    expect(doc).toEqual(before);
  });
});
