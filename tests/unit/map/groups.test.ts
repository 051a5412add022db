import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import { emptyDocument } from '../../../shared/document/schema.js';
import type { CarnetDocument, Position } from '../../../shared/document/schema.js';
import { LOOSE_GROUP, clusterGroups, gridGroups, groupGeometry } from '../../../renderer/src/map/engine/groups.js';
import { pickInDirection } from '../../../renderer/src/map/engine/keyboard.js';
import { placeNear } from '../../../renderer/src/map/engine/layout.js';

const NOW = '2026-06-01T00:00:00.000Z';

function docWith(n: number): CarnetDocument {
  const doc = emptyDocument(NOW);
  for (let i = 0; i < n; i++) {
    doc.contacts[`c${i}`] = { id: `c${i}`, name: `C ${i}`, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [], sources: [], createdAt: NOW, updatedAt: NOW };
  }
  return doc;
}

function analysisWith(clusters: { id: string; label: string; color: string; members: string[] }[]): AnalysisResult {
  return { clusters: clusters.map((c) => ({ ...c, labelParts: [], size: c.members.length, core: c.members[0]! })) } as unknown as AnalysisResult;
}

describe('clusterGroups', () => {
  it('takes the analysis clusters, lets the user rename and recolour them, and gathers the rest in one loose group', () => {
    const doc = docWith(5);
    doc.clusters.k1 = { id: 'k1', label: 'Old colleagues', color: '#123456' };
    const groups = clusterGroups(doc, analysisWith([{ id: 'k1', label: 'Acme · Paris', color: '#ff0000', members: ['c0', 'c1', 'gone'] }, { id: 'k2', label: 'School', color: '#00ff00', members: ['c2'] }]), '#999999', 'Loose');
    expect(groups.map((g) => [g.id, g.label, g.color, g.members])).toEqual([
      ['k1', 'Old colleagues', '#123456', ['c0', 'c1']],
      ['k2', 'School', '#00ff00', ['c2']],
      [LOOSE_GROUP, 'Loose', '#999999', ['c3', 'c4']],
    ]);
  });
});

describe('gridGroups and groupGeometry', () => {
  it('groups nearby contacts into cells and measures each group where its shown members are', () => {
    const doc = docWith(4);
    const pos: Record<string, Position> = { c0: { x: 0, y: 0 }, c1: { x: 10, y: 0 }, c2: { x: 1000, y: 1000 }, c3: { x: 1010, y: 1000 } };
    const groups = gridGroups(doc, (id) => pos[id], '#999999', 2);
    expect(groups.map((g) => g.members.sort())).toEqual(expect.arrayContaining([['c0', 'c1'], ['c2', 'c3']]));
    const geo = groupGeometry(['c0', 'c1', 'c2'], (id) => pos[id], (id) => id !== 'c2');
    expect(geo).toMatchObject({ x: 5, y: 0, count: 2 });
    expect(geo.r).toBeGreaterThanOrEqual(24);
    expect(groupGeometry(['c9'], () => undefined, () => true).count).toBe(0);
  });
});

describe('placeNear', () => {
  it('puts a newcomer next to the contacts it is tied to, and one with no tie to the right of the map', () => {
    const pos: Record<string, Position> = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } };
    const out = placeNear(['n1', 'n2'], (id) => pos[id], (id) => (id === 'n1' ? ['a', 'b'] : []), ['a', 'b', 'n1', 'n2']);
    expect(Math.hypot(out.n1!.x - 50, out.n1!.y)).toBeCloseTo(40, 0);
    expect(out.n2!.x).toBeGreaterThan(100);
    // The same newcomer lands in the same place every time.
    expect(placeNear(['n1'], (id) => pos[id], () => ['a', 'b'], ['a', 'b', 'n1'])).toEqual({ n1: out.n1 });
  });
});

describe('pickInDirection', () => {
  it('goes to the nearest point within 60° of the arrow, or nowhere', () => {
    const pts = [
      { id: 'right', x: 10, y: 1 },
      { id: 'far-right', x: 50, y: 0 },
      { id: 'up', x: 0, y: -10 },
    ];
    expect(pickInDirection({ x: 0, y: 0 }, pts, { x: 1, y: 0 })).toBe('right');
    expect(pickInDirection({ x: 0, y: 0 }, pts, { x: 0, y: -1 })).toBe('up');
    expect(pickInDirection({ x: 0, y: 0 }, pts, { x: -1, y: 0 })).toBeNull();
  });
});
