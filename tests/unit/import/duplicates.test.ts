import { describe, expect, it } from 'vitest';
import { duplicateKey, keepApart, mergeContacts, possibleDuplicatesOf } from '../../../shared/document/duplicates.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { buildImportPreview, parseImportFile, type Decision } from '../../../shared/import/index.js';
import { lookAlike } from '../../../shared/import/lookAlike.js';
import { docWith, NOW } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const at = (org: string) => [{ name: org, current: true }];

/** A document with one contact of each kind of look-alike, all at Acme. */
function acme(): CarnetDocument {
  return docWith(
    { id: 'typo', name: 'Jean Dupont', organizations: at('Acme'), emails: [{ value: 'jean@acme.example' }] },
    { id: 'accent', name: 'Hélène Morel', organizations: at('Acme') },
    { id: 'initial', name: 'Paul Martin', organizations: at('Acme') },
    { id: 'maiden', name: 'Marie Curie', organizations: at('Acme') },
    { id: 'other', name: 'Zoé Autre', organizations: at('Globex') },
  );
}

const INCOMING = 'Name,Company,Email\nJean Dupond,Acme,\nHelene Morel,Acme,\nPaul J. Martin,ACME Inc,\nMarie Sklodowska Curie,Acme,\nZoé Autre,Initech,\n';

describe('names that only look alike', () => {
  it('says why two names may be one person', () => {
    expect(lookAlike('Jean Dupont', 'Jean Dupond')).toBe('typo');
    expect(lookAlike('Jean Dupont', 'Jaen Dupont')).toBe('typo');
    expect(lookAlike('Hélène Morel', 'Helene Morel')).toBe('accents');
    expect(lookAlike('Paul Martin', 'Paul J. Martin')).toBe('middleInitial');
    expect(lookAlike('Marie Curie', 'Marie Sklodowska Curie')).toBe('maidenName');
    expect(lookAlike('Dupont, Jean', 'Jean DUPONT')).toBe('sameName');
    expect(lookAlike('Anna Li', 'Anne Li')).toBeNull();
    expect(lookAlike('Jean Dupont', 'Jean Durand')).toBeNull();
  });

  it('at the same organization, they are possible duplicates: listed side by side, kept apart by default', () => {
    const doc = acme();
    const p = buildImportPreview(doc, [parseImportFile(enc(INCOMING), 'people.csv')], { now: NOW });
    expect(p.files[0]).toMatchObject({ read: 5, new: 5, merged: 0, possible: 4 });
    expect(p.duplicates.map((d) => [d.incoming.name, d.existing.contactId, d.reason, d.decision])).toEqual([
      ['Jean Dupond', 'typo', 'typo', undefined],
      ['Helene Morel', 'accent', 'accents', undefined],
      ['Paul J. Martin', 'initial', 'middleInitial', undefined],
      ['Marie Sklodowska Curie', 'maiden', 'maidenName', undefined],
    ]);
    // Both records side by side: what each says.
    expect(p.duplicates[0]!.existing).toMatchObject({ name: 'Jean Dupont', organizations: [{ name: 'Acme' }], emails: ['jean@acme.example'] });
    expect(p.duplicates[0]!.incoming).toMatchObject({ name: 'Jean Dupond', file: 'people.csv', ref: 'line 2' });
    // Undecided: nothing remembered, so the contact panel can ask again.
    expect(p.changeSet.changes.filter((c) => c.op === 'put' && c.coll === 'suggestions')).toEqual([]);
  });

  it('merges the pairs the user merges, keeps apart the others, and remembers an explicit "keep apart"', () => {
    const doc = acme();
    const files = [parseImportFile(enc(INCOMING), 'people.csv')];
    const first = buildImportPreview(doc, files, { now: NOW });
    const decisions = new Map<string, Decision>([
      [first.duplicates[0]!.key, 'merge'],
      [first.duplicates[1]!.key, 'apart'],
    ]);
    const p = buildImportPreview(doc, files, { now: NOW, decisions });
    expect(p.files[0]).toMatchObject({ read: 5, new: 4, merged: 1, matchedOn: expect.objectContaining({ choice: 1 }) });
    applyChangeSet(doc, p.changeSet);
    expect(doc.contacts.typo!.notes).toContain('people.csv: name Jean Dupond');
    const helene = Object.values(doc.contacts).find((c) => c.name === 'Helene Morel')!;
    expect(doc.suggestions[duplicateKey('accent', helene.id)]).toEqual({ id: duplicateKey('accent', helene.id), status: 'dismissed' });
    // The panel asks about the undecided pair only.
    expect(possibleDuplicatesOf(doc, 'accent')).toEqual([]);
    expect(possibleDuplicatesOf(doc, 'initial').map((c) => c.reason)).toEqual(['middleInitial']);
  });

  it('answers every pair at once', () => {
    const doc = acme();
    const p = buildImportPreview(doc, [parseImportFile(enc(INCOMING), 'people.csv')], { now: NOW, decisions: { get: () => 'merge' } });
    expect(p.files[0]).toMatchObject({ new: 1, merged: 4 });
  });

  it('asks about the same name at another organization only when nothing tells them apart', () => {
    const doc = docWith({ id: 'solo', name: 'Yann Unique' });
    const p = buildImportPreview(doc, [parseImportFile(enc('Name,Company\nYann Unique,Acme\nZoé Autre,Initech\n'), 'x.csv')], { now: NOW });
    expect(p.duplicates.map((d) => [d.incoming.name, d.existing.contactId, d.reason])).toEqual([['Yann Unique', 'solo', 'sameName']]);
    const two = docWith({ name: 'Yann Unique' }, { name: 'Yann Unique' });
    expect(buildImportPreview(two, [parseImportFile(enc('Name\nYann Unique\n'), 'x.csv')], { now: NOW }).duplicates).toEqual([]);
  });

  it('never asks about two records with different profile URLs, nor about two rows of one Connections.csv', () => {
    const doc = docWith({ id: 'a', name: 'Jean Dupont', profileUrl: 'https://www.linkedin.com/in/jd-1', organizations: at('Acme') });
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Jean,Dupond,https://www.linkedin.com/in/jd-2,,Acme,,01 Jan 2020\nJean,Dupontt,https://www.linkedin.com/in/jd-3,,Acme,,01 Jan 2020\nJean,Dupond,,,Acme,,01 Jan 2020\n';
    const p = buildImportPreview(doc, [parseImportFile(enc(csv), 'Connections.csv')], { now: NOW });
    // The row without a URL may be the document's Jean Dupont; never the other rows.
    expect(p.duplicates.map((d) => [d.incoming.ref, d.existing.contactId])).toEqual([['line 4', 'a']]);
    applyChangeSet(doc, p.changeSet);
    const rows = Object.values(doc.contacts).filter((c) => c.id !== 'a');
    for (const c of rows) expect(possibleDuplicatesOf(doc, c.id).map((x) => x.id)).not.toContain(rows.find((r) => r !== c)!.id);
  });
});

describe('merging two contacts, or keeping them apart, from the contact panel', () => {
  function network(): CarnetDocument {
    const doc = docWith(
      { id: 'keep', name: 'Jean Dupont', organizations: at('Acme'), emails: [{ value: 'jean@acme.example' }], categories: ['cat1'], connectedOn: '2021-01-01', sources: [{ file: 'a.vcf', format: 'vcard', importedAt: NOW }] },
      { id: 'gone', name: 'Jean Dupond', organizations: at('Acme'), phones: [{ value: '06 11 22 33 44' }], categories: ['cat2'], birthday: '1980-02-02', connectedOn: '2019-05-05', sources: [{ file: 'b.csv', format: 'generic-csv', importedAt: NOW }] },
      { id: 'friend', name: 'Amie Commune' },
      { id: 'solo', name: 'Seule Ici' },
    );
    doc.categories.cat1 = { id: 'cat1', name: 'Clients', color: '#000000' };
    doc.categories.cat2 = { id: 'cat2', name: 'Amis', color: '#111111' };
    doc.ties.t1 = { id: 't1', from: 'gone', to: 'friend', strength: 0.5 };
    doc.ties.t2 = { id: 't2', from: 'keep', to: 'friend', strength: 0.7 };
    doc.ties.t3 = { id: 't3', from: 'gone', to: 'keep', strength: 0.5 };
    doc.ties.t4 = { id: 't4', from: 'solo', to: 'gone', strength: 0.5, type: 'voisins' };
    doc.interactions.i1 = { id: 'i1', date: '2024-01-01', contacts: ['gone'], channel: 'call', direction: 'gave' };
    doc.interactions.i2 = { id: 'i2', date: '2024-02-02', contacts: ['gone', 'keep', 'friend'], channel: 'event', direction: 'mutual' };
    doc.positions.gone = { x: 5, y: 6 };
    doc.suggestions['dormant:gone'] = { id: 'dormant:gone', status: 'snoozed', until: '2030-01-01' };
    return doc;
  }

  it('finds the look-alike in the document', () => {
    expect(possibleDuplicatesOf(network(), 'keep')).toEqual([{ id: 'gone', reason: 'typo', organization: 'Acme' }]);
  });

  it('is one undoable step: values united, ties, interactions, categories and position follow', () => {
    const doc = network();
    const before = structuredClone(doc);
    const inverse = applyChangeSet(doc, mergeContacts(doc, 'keep', 'gone', NOW));
    expect(Object.hasOwn(doc.contacts, 'gone')).toBe(false);
    const kept = doc.contacts.keep!;
    expect(kept.emails.map((e) => e.value)).toEqual(['jean@acme.example']);
    expect(kept.phones.map((p) => p.value)).toEqual(['06 11 22 33 44']);
    expect(kept.categories).toEqual(['cat1', 'cat2']);
    expect(kept.birthday).toBe('1980-02-02');
    expect(kept.connectedOn).toBe('2019-05-05');
    expect(kept.notes).toContain('name Jean Dupond');
    expect(kept.sources.map((s) => s.file)).toEqual(['a.vcf', 'b.csv']);
    // The tie to a common friend is not doubled; the tie between the two disappears; the other one moves.
    expect(Object.values(doc.ties).map((t) => [t.id, t.from, t.to]).sort()).toEqual([
      ['t2', 'keep', 'friend'],
      ['t4', 'solo', 'keep'],
    ]);
    expect(doc.interactions.i1!.contacts).toEqual(['keep']);
    expect(doc.interactions.i2!.contacts).toEqual(['keep', 'friend']);
    expect(doc.positions.keep).toEqual({ x: 5, y: 6 });
    expect(Object.hasOwn(doc.positions, 'gone')).toBe(false);
    expect(Object.hasOwn(doc.suggestions, 'dormant:gone')).toBe(false);
    applyChangeSet(doc, inverse);
    expect(doc).toEqual(before);
  });

  it('remembers "keep apart", so the question is not asked again, from either side', () => {
    const doc = network();
    applyChangeSet(doc, keepApart(doc, 'keep', 'gone'));
    expect(possibleDuplicatesOf(doc, 'keep')).toEqual([]);
    expect(possibleDuplicatesOf(doc, 'gone')).toEqual([]);
  });

  it('keeps a suggestion key within its limit whatever the ids', () => {
    const a = 'a'.repeat(200);
    const b = 'b'.repeat(200);
    expect(duplicateKey(a, b).length).toBeLessThanOrEqual(200);
    expect(duplicateKey(a, b)).toBe(duplicateKey(b, a));
    expect(duplicateKey(a, b)).not.toBe(duplicateKey(a, `${b}c`));
  });
});
