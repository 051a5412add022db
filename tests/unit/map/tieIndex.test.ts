import { describe, expect, it } from 'vitest';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { TieIndex } from '../../../renderer/src/map/engine/tieIndex.js';

const NOW = '2026-06-01T00:00:00.000Z';

function doc(contacts: string[], ties: [string, string, string][]): CarnetDocument {
  const d = emptyDocument(NOW);
  for (const id of contacts) {
    d.contacts[id] = { id, name: id, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [], sources: [], createdAt: NOW, updatedAt: NOW };
  }
  for (const [id, from, to] of ties) d.ties[id] = { id, from, to, strength: 0.5 } as CarnetDocument['ties'][string];
  return d;
}

describe('TieIndex', () => {
  const d = doc(['a', 'b', 'c', 'd'], [
    ['t1', 'a', 'b'],
    ['t2', 'b', 'c'],
    ['t3', 'a', 'c'],
    ['t4', 'c', 'c'], // a contact tied to itself: not a link on the map
    ['t5', 'a', 'gone'], // to a contact that no longer exists
  ]);
  const index = TieIndex.of(d);

  it('lists each contact’s neighbours, once per tie, and nobody for an isolated or unknown contact', () => {
    expect([...index.neighbours('a')].sort()).toEqual(['b', 'c']);
    expect([...index.neighbours('b')].sort()).toEqual(['a', 'c']);
    expect([...index.neighbours('c')].sort()).toEqual(['a', 'b']);
    expect([...index.neighbours('d')]).toEqual([]);
    expect([...index.neighbours('nobody')]).toEqual([]);
  });

  it('keeps only ties between two different existing contacts, with their ends as indexes', () => {
    expect(index.tieCount).toBe(3);
    expect([...index.tieIds].sort()).toEqual(['t1', 't2', 't3']);
    for (let k = 0; k < index.tieCount; k++) {
      const t = d.ties[index.tieIds[k]!]!;
      expect([index.ids[index.from[k]!], index.ids[index.to[k]!]]).toEqual([t.from, t.to]);
    }
    expect([...index.tiesOf('a')].map((k) => index.tieIds[k]).sort()).toEqual(['t1', 't3']);
  });
});
