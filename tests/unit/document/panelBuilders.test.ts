// The change-set builders behind the contact panel and the profile editor (archive, closeness, cadence,
// ties, interactions, the user's profile): each does what it says, is undone exactly by its inverse, and
// refuses bad input with a clear reason, hostile ids included.
import { describe, expect, it } from 'vitest';
import { addContact, logInteraction } from '../../../shared/document/commands.js';
import { setArchived, setCadence, setCloseness } from '../../../shared/document/contacts.js';
import { deleteInteraction, editInteraction, interactionsOf, isCalendarDay } from '../../../shared/document/interactions.js';
import { MeFileError, parseMeFile, setMe } from '../../../shared/document/me.js';
import { applyChangeSet, parseChangeSet, type ChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { addTie, deleteTie, editTie, tieBetween, TieError, tiesOf, tieTypes } from '../../../shared/document/ties.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { NOW, sampleDocument } from '../store/helpers.js';

const LATER = '2025-06-01T09:00:00.000Z';

/** The change goes through the same checks as the main side's, leaves a valid document, and its inverse gives the document back exactly. */
function applyAndUndo(doc: CarnetDocument, set: ChangeSet, effect: (doc: CarnetDocument) => void): void {
  const before = structuredClone(doc);
  const inverse = applyChangeSet(doc, parseChangeSet(set));
  const valid = validateDocument(doc);
  expect(valid.ok ? null : valid.error).toBeNull();
  effect(doc);
  applyChangeSet(doc, inverse);
  expect(doc).toEqual(before);
}

describe('archive, closeness and cadence', () => {
  it('archives several contacts in one step, skips those already archived, and brings them back', () => {
    const doc = sampleDocument();
    applyChangeSet(doc, setArchived(doc, ['c3'], true, NOW));
    const set = setArchived(doc, ['c1', 'c2', 'c3', 'nobody'], true, LATER);
    expect(set.label).toEqual({ key: 'panel.labels.archive', params: { count: 3 } });
    expect(set.changes.map((c) => (c.op === 'put' ? c.id : null))).toEqual(['c1', 'c2']);
    applyAndUndo(doc, set, (d) => {
      expect([d.contacts.c1!.archived, d.contacts.c2!.archived]).toEqual([true, true]);
      expect(d.contacts.c1!.updatedAt).toBe(LATER);
    });
    const back = setArchived(doc, ['c3'], false, LATER);
    expect(back.label.key).toBe('panel.labels.unarchive');
    applyAndUndo(doc, back, (d) => expect('archived' in d.contacts.c3!).toBe(false));
    expect(setArchived(doc, ['c1'], false).changes).toEqual([]);
  });

  it('sets and clears closeness and cadence, and refuses values out of range', () => {
    const doc = sampleDocument();
    applyAndUndo(doc, setCloseness(doc, ['c1', 'c2'], 4, LATER), (d) => expect([d.contacts.c1!.strength, d.contacts.c2!.strength]).toEqual([4, 4]));
    applyChangeSet(doc, setCloseness(doc, ['c1'], 2));
    applyAndUndo(doc, setCloseness(doc, ['c1'], undefined), (d) => expect('strength' in d.contacts.c1!).toBe(false));
    applyAndUndo(doc, setCadence(doc, ['c2'], 45), (d) => expect(d.contacts.c2!.cadenceDays).toBe(45));
    for (const bad of [0, 6, 2.5, Number.NaN]) expect(() => setCloseness(doc, ['c1'], bad)).toThrow(/closeness must be a whole number from 1 to 5/);
    for (const bad of [0, 3651, 1.5]) expect(() => setCadence(doc, ['c1'], bad)).toThrow(/cadence must be a whole number of days/);
    expect(setCadence(doc, ['c3'], undefined).changes).toEqual([]);
  });

  it('treats ids such as "constructor" or "__proto__" as data: no contact, no change', () => {
    const doc = sampleDocument();
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(setArchived(doc, [id], true).changes).toEqual([]);
      expect(setCloseness(doc, [id], 3).changes).toEqual([]);
      expect(() => addTie(doc, 'c1', id)).toThrow(TieError);
    }
  });
});

describe('known ties', () => {
  it('adds a typed tie between two contacts, once per pair in either direction', () => {
    const doc = sampleDocument();
    const set = addTie(doc, 'c1', 'c2', { type: '  anciens collègues ', note: '' }, 't1');
    expect(set.label).toEqual({ key: 'panel.labels.addTie', params: { a: 'Alice Martin', b: 'Bruno Petit' } });
    applyAndUndo(doc, set, (d) => expect(d.ties.t1).toEqual({ id: 't1', from: 'c1', to: 'c2', type: 'anciens collègues', strength: 0.5 }));
    applyChangeSet(doc, set);
    expect(tieBetween(doc, 'c2', 'c1')?.id).toBe('t1');
    expect(tiesOf(doc, 'c2')).toEqual([{ tie: doc.ties.t1, other: 'c1' }]);
    const again = (() => {
      try {
        addTie(doc, 'c2', 'c1');
      } catch (e) {
        return e as TieError;
      }
    })();
    expect(again?.code).toBe('exists');
    expect(again?.message).toMatch(/Bruno Petit and Alice Martin are already tied \(tie "t1"\)/);
    expect(() => addTie(doc, 'c1', 'c1')).toThrow(/two different contacts/);
    expect(() => addTie(doc, 'c1', 'c9')).toThrow(/no contact "c9"/);
  });

  it('edits only the fields it is given, removes the tie, and lists the types in use, most used first', () => {
    const doc = sampleDocument();
    applyChangeSet(doc, addTie(doc, 'c1', 'c2', { type: 'famille', note: 'cousins', strength: 0.9 }, 't1'));
    applyChangeSet(doc, addTie(doc, 'c2', 'c3', { type: 'anciens collègues' }, 't2'));
    applyChangeSet(doc, addTie(doc, 'c1', 'c3', { type: 'anciens collègues' }, 't3'));
    expect(tieTypes(doc)).toEqual(['anciens collègues', 'famille']);
    applyAndUndo(doc, editTie(doc, 't1', { type: 'amis' }), (d) => expect(d.ties.t1).toEqual({ id: 't1', from: 'c1', to: 'c2', type: 'amis', note: 'cousins', strength: 0.9 }));
    applyAndUndo(doc, editTie(doc, 't1', { type: '  ' }), (d) => expect('type' in d.ties.t1!).toBe(false));
    applyAndUndo(doc, deleteTie(doc, 't2'), (d) => expect(d.ties.t2).toBeUndefined());
    expect(() => editTie(doc, 'nope', { type: 'x' })).toThrow(/no tie "nope"/);
    expect(() => deleteTie(doc, 'toString')).toThrow(/no tie "toString"/);
    expect(() => addTie(doc, 'c2', 'c3', { type: 'x'.repeat(201) })).toThrow(TieError);
  });
});

describe('interactions', () => {
  function withLog(): CarnetDocument {
    const doc = sampleDocument();
    applyChangeSet(doc, logInteraction(doc, { id: 'i1', date: '2024-05-02', contacts: ['c1', 'c2'], channel: 'in-person', direction: 'gave', note: 'Déjeuner' }));
    applyChangeSet(doc, logInteraction(doc, { id: 'i2', date: '2025-01-10T18:30:00.000Z', contacts: ['c1'], channel: 'call', direction: 'mutual', source: 'messages.csv' }));
    return doc;
  }

  it('lists a contact’s interactions newest first', () => {
    expect(interactionsOf(withLog(), 'c1').map((i) => i.id)).toEqual(['i2', 'i1']);
    expect(interactionsOf(withLog(), 'c2').map((i) => i.id)).toEqual(['i1']);
  });

  it('edits date, channel, direction and note, keeping who took part and where it came from', () => {
    const doc = withLog();
    const set = editInteraction(doc, 'i2', { date: '2025-01-11', channel: 'video', direction: 'received', note: '  Point d’étape ' });
    expect(set.label.key).toBe('panel.labels.editInteraction');
    applyAndUndo(doc, set, (d) =>
      expect(d.interactions.i2).toEqual({ id: 'i2', date: '2025-01-11', contacts: ['c1'], channel: 'video', direction: 'received', note: 'Point d’étape', source: 'messages.csv' }),
    );
    applyAndUndo(doc, editInteraction(doc, 'i1', { date: '2024-05-02', channel: 'in-person', direction: 'gave', note: '' }), (d) => expect('note' in d.interactions.i1!).toBe(false));
    expect(() => editInteraction(doc, 'i1', { date: 'hier', channel: 'call', direction: 'gave' })).toThrow();
    expect(() => editInteraction(doc, 'constructor', { date: '2024-01-01', channel: 'call', direction: 'gave' })).toThrow(/no interaction/);
  });

  it('deletes an interaction (with everyone in it), undoably', () => {
    const doc = withLog();
    applyAndUndo(doc, deleteInteraction(doc, 'i1'), (d) => {
      expect(d.interactions.i1).toBeUndefined();
      expect(interactionsOf(d, 'c2')).toEqual([]);
    });
  });

  it('knows a real calendar day from one that only looks like it', () => {
    for (const ok of ['2024-02-29', '1900-01-01', '2200-12-31', '2023-12-31']) expect(isCalendarDay(ok), ok).toBe(true);
    for (const bad of ['2023-02-29', '2023-02-30', '2024-13-01', '2024-00-10', '1899-12-31', '2024-1-5', '', '2024-05-02T10:00']) expect(isCalendarDay(bad), bad).toBe(false);
  });
});

describe('the user’s profile', () => {
  it('is replaced in one undoable step', () => {
    const doc = sampleDocument();
    applyChangeSet(doc, addContact(doc, { id: 'c4', name: 'Dina' }, NOW));
    const me = { name: 'Camille Laurent', headline: 'Head of Product', organizations: [{ name: 'Banque Lumière', start: '2022-10-01' }], city: 'Paris', sector: 'fintech' };
    const set = setMe(me);
    expect(set.label).toEqual({ key: 'profile.labels.edit' });
    applyAndUndo(doc, set, (d) => expect(d.me).toEqual({ ...me, organizations: [{ name: 'Banque Lumière', start: '2022-10-01', current: true }], schools: [], tags: [] }));
    expect(() => setMe({ name: 'x'.repeat(501) })).toThrow();
  });

  it('reads a profile file strictly, with the JSON path of the first problem', () => {
    const me = parseMeFile(
      '\ufeff' +
        JSON.stringify({
          name: ' Alex ',
          city: '',
          organizations: [{ name: 'Acme', title: '', current: false, start: '2015-01-01', end: '2020-12-31' }],
          schools: [{ name: 'INSA', year: 2014 }],
          tags: ['data', 'Data', 'vélo'],
        }),
    );
    expect(me).toEqual({ name: 'Alex', organizations: [{ name: 'Acme', current: false, start: '2015-01-01', end: '2020-12-31' }], schools: [{ name: 'INSA', year: 2014 }], tags: ['data', 'vélo'] });
    const cases: [unknown, string, RegExp][] = [
      [{ organisations: [] }, '$.organisations', /unknown field "organisations"/],
      [{ organizations: [{ name: 'A', stat: 'x' }] }, '$.organizations[0].stat', /unknown field/],
      [{ organizations: [{ name: ' ' }] }, '$.organizations[0].name', /needs a name/],
      [{ organizations: [{ name: 'A', start: '2020-13-01' }] }, '$.organizations[0].start', /real date/],
      [{ organizations: [{ name: 'A', start: '2020-05-01', end: '2019-01-01' }] }, '$.organizations[0].end', /end is before start/],
      [{ schools: [{ name: 'A', year: '2012' }] }, '$.schools[0].year', /number/],
      [{ tags: ['ok', ''] }, '$.tags[1]', /cannot be empty/],
      [JSON.parse('{"__proto__": {"name": "x"}}'), '$.__proto__', /unknown field/],
      [[], '$', /object/],
    ];
    for (const [input, path, message] of cases) {
      const error = (() => {
        try {
          parseMeFile(JSON.stringify(input));
        } catch (e) {
          return e;
        }
      })();
      expect(error, path).toBeInstanceOf(MeFileError);
      expect((error as MeFileError).path, JSON.stringify(input)).toBe(path);
      expect((error as MeFileError).message).toMatch(message);
    }
    expect(() => parseMeFile('{')).toThrow(/\$: not valid JSON/);
  });
});
