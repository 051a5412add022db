import { describe, expect, it } from 'vitest';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import { areaDropChangeSet } from '../../../shared/document/categories.js';
import { areaChanges } from '../../../renderer/src/map/engine/categoryAreas.js';

const investors = { id: 'inv', points: [{ x: 0, y: 0 }, { x: 50, y: 0 }] };
const alumni = { id: 'alu', points: [{ x: 1000, y: 0 }] };

describe('areaChanges: a drop on the category areas of the map', () => {
  it('puts a contact dropped inside an area in that category, and only there', () => {
    const c = areaChanges([investors, alumni], 64, [{ id: 'c1', from: { x: 500, y: 500 }, to: { x: 90, y: 20 }, categories: [] }]);
    expect([...c.add]).toEqual([['inv', ['c1']]]);
    expect(c.remove.size).toBe(0);
    const nowhere = areaChanges([investors, alumni], 64, [{ id: 'c1', from: { x: 500, y: 500 }, to: { x: 500, y: 20 }, categories: [] }]);
    expect(nowhere.add.size + nowhere.remove.size).toBe(0);
  });

  it('where areas overlap, joins only the category of the member nearest the drop (the smaller one on a tie)', () => {
    const colleagues = { id: 'col', points: [{ x: 60, y: 10 }, { x: 300, y: 0 }, { x: 400, y: 0 }] };
    const c = areaChanges([investors, colleagues], 64, [{ id: 'c1', from: { x: 500, y: 500 }, to: { x: 58, y: 12 }, categories: [] }]);
    expect([...c.add]).toEqual([['col', ['c1']]]);
    const twin = { id: 'twin', points: [{ x: 0, y: 0 }] };
    const tie = areaChanges([investors, twin], 64, [{ id: 'c1', from: { x: 500, y: 500 }, to: { x: 3, y: 4 }, categories: [] }]);
    expect([...tie.add]).toEqual([['twin', ['c1']]]);
  });

  it('takes a member dragged out of its area out of the category; moving within the area changes nothing', () => {
    const out = areaChanges([investors], 64, [{ id: 'c1', from: { x: 20, y: 30 }, to: { x: 400, y: 0 }, categories: ['inv'] }]);
    expect([...out.remove]).toEqual([['inv', ['c1']]]);
    const within = areaChanges([investors], 64, [{ id: 'c1', from: { x: 20, y: 30 }, to: { x: 60, y: -40 }, categories: ['inv'] }]);
    expect(within.add.size + within.remove.size).toBe(0);
  });

  it('leaves alone a member that was not inside its area (the only member, or one far from the others)', () => {
    const c = areaChanges([investors], 64, [{ id: 'c9', from: { x: 600, y: 600 }, to: { x: 900, y: 900 }, categories: ['inv'] }]);
    expect(c.add.size + c.remove.size).toBe(0);
  });

  it('moves a contact from one area to another in one drop', () => {
    const c = areaChanges([investors, alumni], 64, [{ id: 'c1', from: { x: 10, y: 10 }, to: { x: 1010, y: 10 }, categories: ['inv'] }]);
    expect([...c.add]).toEqual([['alu', ['c1']]]);
    expect([...c.remove]).toEqual([['inv', ['c1']]]);
  });
});

describe('areaDropChangeSet', () => {
  const NOW = '2026-06-01T00:00:00.000Z';
  function doc(): CarnetDocument {
    const d = emptyDocument(NOW);
    d.categories.inv = { id: 'inv', name: 'Investisseurs', color: '#dc2626' };
    d.categories.alu = { id: 'alu', name: 'Alumni ESSEC', color: '#059669' };
    for (const id of ['c1', 'c2']) {
      d.contacts[id] = { id, name: id, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: id === 'c1' ? ['inv'] : [], sources: [], createdAt: NOW, updatedAt: NOW };
    }
    return d;
  }

  it('stores the positions and every category change of the drop as one step, named after the category when there is one', () => {
    const d = doc();
    const set = areaDropChangeSet(d, { c1: { x: 5, y: 6, pinned: true }, c2: { x: 7, y: 8, pinned: true } }, { add: new Map([['alu', ['c1', 'c2']]]), remove: new Map([['inv', ['c1']]]) }, NOW);
    expect(set.label).toEqual({ key: 'labels.changeCategories' });
    const inverse = applyChangeSet(d, set);
    expect(d.contacts.c1!.categories).toEqual(['alu']);
    expect(d.contacts.c2!.categories).toEqual(['alu']);
    expect(d.positions.c2).toEqual({ x: 7, y: 8, pinned: true });
    applyChangeSet(d, inverse);
    expect(d).toEqual(doc());
    expect(areaDropChangeSet(doc(), { c2: { x: 1, y: 1 } }, { add: new Map([['inv', ['c2']]]), remove: new Map() }, NOW).label).toEqual({ key: 'labels.addTo', params: { name: 'Investisseurs' } });
    expect(areaDropChangeSet(doc(), { c1: { x: 1, y: 1 } }, { add: new Map(), remove: new Map([['inv', ['c1']]]) }, NOW).label).toEqual({ key: 'labels.removeFrom', params: { name: 'Investisseurs' } });
  });
});
