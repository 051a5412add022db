import { describe, expect, it } from 'vitest';
import { Contact, type ContactInput } from '../../../shared/document/schema.js';
import { generateDemoDocument } from '../../../shared/demo/demoNetwork.js';
import { highlight, SearchIndex, typoDistance } from '../../../shared/search/searchIndex.js';

const NOW = '2026-01-01T00:00:00.000Z';
const contact = (input: Omit<ContactInput, 'createdAt' | 'updatedAt'>) => Contact.parse({ ...input, createdAt: NOW, updatedAt: NOW });

const people = [
  contact({ id: 'a', name: 'Hélène Martin', organizations: [{ name: 'Banque Lumière', title: 'Directrice financière' }], city: 'Lyon' }),
  contact({ id: 'b', name: 'Paul Durand', schools: [{ name: "École d'Ingénieurs de Rennes" }], tags: ['voile'] }),
  contact({ id: 'c', name: 'Marie Dupont', organizations: [{ name: 'Armor Data', title: 'Data Scientist' }], notes: 'Rencontrée au salon VivaTech, passionnée de voile.' }),
  contact({ id: 'd', name: 'Marc Investisseur', city: 'Paris' }),
];

describe('SearchIndex', () => {
  const index = SearchIndex.of(people);
  const ids = (q: string) => index.search(q).map((h) => h.id);

  it('finds accented text from plain letters, in every searchable field', () => {
    expect(ids('ecole')).toEqual(['b']);
    expect(ids('helene')).toEqual(['a']);
    expect(ids('LUMIERE')).toEqual(['a']);
    expect(ids('financiere')).toEqual(['a']);
    expect(ids('lyon')).toEqual(['a']);
    expect(ids('vivatech')).toEqual(['c']);
    expect(ids('voile').sort()).toEqual(['b', 'c']);
  });

  it('needs every word of the query, each in any field', () => {
    expect(ids('marie data')).toEqual(['c']);
    expect(ids('marie lyon')).toEqual([]);
  });

  it('matches the start of a word while it is being typed', () => {
    expect(ids('du').sort()).toEqual(['b', 'c']);
    expect(ids('m')).toContain('a');
  });

  it('survives a typo in a long word', () => {
    expect(ids('investiseur')).toEqual(['d']);
  });

  it('survives one typo in a word of four letters or more: swapped, missing, extra or wrong letter', () => {
    expect(ids('ecloe')).toEqual(['b']);
    expect(ids('durnad')).toEqual(['b']);
    expect(ids('helne')).toEqual(['a']);
    expect(ids('dupoont')).toEqual(['c']);
    expect(ids('lumiare')).toEqual(['a']);
    expect(ids('lyno')).toEqual(['a']);
    expect(ids('marie dupnot')).toEqual(['c']);
  });

  it('highlights the word a typo was corrected to', () => {
    const [hit] = index.search('ecloe');
    const [start, end] = hit!.detail!.ranges[0]!;
    expect(hit!.detail!.text.slice(start, end)).toBe('École');
  });

  it('does not correct a word that is found as typed, nor invent matches for short or far-off words', () => {
    expect(ids('marc')).toEqual(['d']);
    expect(ids('lyn')).toEqual([]);
    expect(ids('zzzzz')).toEqual([]);
    expect(ids('ecolx paris')).toEqual([]);
  });

  it('measures typos as optimal string alignment distance', () => {
    expect(typoDistance('ecloe', 'ecole')).toBe(1);
    expect(typoDistance('ecole', 'ecole')).toBe(0);
    expect(typoDistance('helne', 'helene')).toBe(1);
    expect(typoDistance('ecl', 'ecole')).toBe(2);
    expect(typoDistance('abcd', 'badc')).toBe(2);
  });

  it('puts a name that holds the words as typed before looser matches', () => {
    const hits = index.search('mar');
    expect(hits[0]!.nameRanges.length).toBeGreaterThan(0);
  });

  it('highlights the original text, accents included', () => {
    const [hit] = index.search('ecole');
    expect(hit!.nameRanges).toEqual([]);
    expect(hit!.detail!.field).toBe('school');
    const [start, end] = hit!.detail!.ranges[0]!;
    expect(hit!.detail!.text.slice(start, end)).toBe('École');
    const [name] = index.search('helene');
    expect(name!.name.slice(...name!.nameRanges[0]!)).toBe('Hélène');
  });

  it('follows edits: upsert replaces, remove forgets', () => {
    const i = SearchIndex.of(people);
    i.upsert({ ...people[0]!, name: 'Hélène Zimmer' });
    expect(i.search('martin').map((h) => h.id)).toEqual([]);
    expect(i.search('zimmer').map((h) => h.id)).toEqual(['a']);
    i.remove('b');
    expect(i.search('ecole')).toEqual([]);
    expect(i.size).toBe(3);
  });

  it('stays correct after compacting many stale entries', () => {
    const i = SearchIndex.of(people);
    for (let n = 0; n < 2_500; n++) i.upsert({ ...people[1]!, notes: `note ${n}` });
    expect(i.size).toBe(4);
    expect(i.search('note 2499').map((h) => h.id)).toEqual(['b']);
    expect(i.search('ecole').map((h) => h.id)).toEqual(['b']);
  });

  it('narrows to a bounded set of candidates, keeping the best ones', () => {
    const doc = generateDemoDocument({ seed: 1, now: '2026-06-01' });
    const big = SearchIndex.of(Object.values(doc.contacts));
    expect(big.candidates('e', 50)).toHaveLength(50);
    const exact = Object.values(doc.contacts).filter((c) => c.schools.some((s) => s.name.startsWith('École')));
    const found = new Set(big.search('ecole', 100).map((h) => h.id));
    for (const c of exact) expect(found.has(c.id), c.name).toBe(true);
  });
});

describe('highlight', () => {
  it('merges overlapping spans and falls back to fuse.js spans for near matches', () => {
    expect(highlight('Anne-Marie Marin', ['mar', 'mari'], null)).toEqual([
      [5, 9],
      [11, 15],
    ]);
    expect(highlight('Télécom', ['xyz'], [[1, 3]])).toEqual([[1, 4]]);
  });
});
