// A big document opens on the clusters stored with it (doc.clusterCache), before the analysis answers,
// and the fresh analysis replaces them without moving or renaming a bubble; so does a document an import
// has just made big, with the clusters the import stored.
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import { applyChangeSet, type Change, type ChangeSet } from '../../../shared/document/operations.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { LOOSE_GROUP } from '../../../renderer/src/map/engine/groups.js';
import { FULL_MAP_MAX, MapModel } from '../../../renderer/src/map/engine/model.js';
import { buildScene, type SceneView } from '../../../renderer/src/map/engine/scene.js';
import { DEFAULT_MAP_OPTIONS } from '../../../renderer/src/map/engine/types.js';
import { BUBBLE_PREFIX } from '../../../renderer/src/map/engine/elements.js';

const NOW = '2026-06-01T00:00:00.000Z';
const NEUTRAL = '#8a94a3';
const COLOURS = ['#2563eb', '#16a34a', '#dc2626'];

/** Three far-apart circles of contacts, each tied in a chain; the cache names them k0…k2. */
function bigDocument(): CarnetDocument {
  const doc = emptyDocument(NOW);
  const n = FULL_MAP_MAX + 300;
  const members: string[][] = [[], [], []];
  for (let i = 0; i < n; i++) {
    const id = `c${i}`;
    const k = i % 3;
    doc.contacts[id] = { id, name: `Name ${i}`, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [], categories: [], sources: [], createdAt: NOW, updatedAt: NOW };
    doc.positions[id] = { x: k * 5000 + (i % 40) * 30, y: Math.floor(i / 120) * 30 };
    members[k]!.push(id);
    if (i >= 3) doc.ties[`t${i}`] = { id: `t${i}`, from: id, to: `c${i - 3}`, strength: 0.5 };
  }
  members.forEach((m, k) => (doc.clusterCache[`k${k}`] = { id: `k${k}`, label: `Circle ${k}`, color: COLOURS[k]!, members: m }));
  return doc;
}

function view(zoom = 0.05): SceneView {
  return { options: DEFAULT_MAP_OPTIONS, colors: { neutral: NEUTRAL, me: '#111827' }, meLabel: 'Me', current: null, focus: null, highlighted: null, zoom };
}

const bubbles = (m: MapModel) =>
  [...buildScene(m, view()).elements.values()].filter((e) => e.data.id.startsWith(BUBBLE_PREFIX)).map((e) => ({ id: e.data.id, count: e.data.count, label: e.data.label }));

function analysisOf(doc: CarnetDocument): AnalysisResult {
  const clusters = Object.values(doc.clusterCache).map((c) => ({ ...c, label: `Fresh ${c.id}`, labelParts: [], size: c.members.length, core: c.members[0]! }));
  return { now: NOW, clusters, contacts: [], overdue: [], dormant: [], gaps: { brokers: [], fragileClusters: [], unbridged: [] } } as unknown as AnalysisResult;
}

describe('a big document with stored clusters', () => {
  it('is drawn as its cluster bubbles, with their names and counts, before any analysis', () => {
    const doc = bigDocument();
    const m = new MapModel(NEUTRAL, 'Loose');
    m.load(doc);
    expect(m.analysis).toBeNull();
    expect(m.groups.map((g) => [g.id, g.kind, g.label, g.color])).toEqual([0, 1, 2].map((k) => [`k${k}`, 'cluster', `Circle ${k}`, COLOURS[k]]));
    expect(bubbles(m).map((b) => [b.id, b.count])).toEqual([0, 1, 2].map((k) => [`${BUBBLE_PREFIX}k${k}`, doc.clusterCache[`k${k}`]!.members.length]));
    // Each bubble sits where its members are, not in a grid cell.
    expect(m.geometry.get('k2')!.x).toBeGreaterThan(10_000);
  });

  it('without them, is drawn as grid cells until the analysis answers', () => {
    const doc = bigDocument();
    doc.clusterCache = emptyDocument(NOW).clusterCache;
    const m = new MapModel(NEUTRAL, 'Loose');
    m.load(doc);
    expect(m.groups.length).toBeGreaterThan(3);
    expect(m.groups.every((g) => g.kind === 'cell' && g.id.startsWith('cell:'))).toBe(true);
  });

  it('leaves out members that are no contact, counts a contact listed twice once, and gathers the rest as loose', () => {
    const doc = bigDocument();
    doc.clusterCache.k0!.members.push('gone', '__proto__', 'c1');
    doc.clusterCache.k1!.members.splice(0, 2);
    const m = new MapModel(NEUTRAL, 'Loose');
    m.load(doc);
    const all = m.groups.flatMap((g) => g.members);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(Object.keys(doc.contacts).length);
    expect(m.groupById.get(LOOSE_GROUP)!.members).toEqual(['c4']);
    expect(m.groupOf.get('c1')!.id).toBe('k0');
  });

  it("follows a user's name and colour for a cluster", () => {
    const doc = bigDocument();
    doc.clusters.k1 = { id: 'k1', label: 'Clients', color: '#123456' };
    const m = new MapModel(NEUTRAL, 'Loose');
    m.load(doc);
    expect(m.groupById.get('k1')).toMatchObject({ label: 'Clients', color: '#123456' });
  });

  it('keeps its bubbles in place, and the one the user opened open, when the fresh analysis finds the same clusters', () => {
    const doc = bigDocument();
    const m = new MapModel(NEUTRAL, 'Loose');
    m.load(doc);
    m.reveal(['c1']);
    m.updateExpansion({ zoom: 0.05, extent: { x1: -1e5, y1: -1e5, x2: 1e5, y2: 1e5 } });
    const before = new Map(m.geometry);
    m.setAnalysis(analysisOf(doc), false);
    m.updateExpansion({ zoom: 0.05, extent: { x1: -1e5, y1: -1e5, x2: 1e5, y2: 1e5 } });
    expect([...m.expanded]).toEqual(['k1']);
    for (const [id, geo] of before) expect(m.geometry.get(id)).toEqual(geo);
    // The fresh labels win.
    expect(m.groupById.get('k0')!.label).toBe('Fresh k0');
  });
});

describe('after an import that brought the clusters of the document it makes', () => {
  /** A small document, its analysis (no cluster), then the import of `bigDocument` in one change set. */
  function imported(): { m: MapModel; doc: CarnetDocument; big: CarnetDocument } {
    const doc = emptyDocument(NOW);
    const m = new MapModel(NEUTRAL, 'Loose');
    m.load(doc);
    m.setAnalysis(analysisOf(doc), false);
    const big = bigDocument();
    const changes: Change[] = [
      ...Object.values(big.contacts).map((value): Change => ({ op: 'put', coll: 'contacts', id: value.id, value })),
      ...Object.values(big.ties).map((value): Change => ({ op: 'put', coll: 'ties', id: value.id, value })),
      ...Object.entries(big.positions).map(([id, value]): Change => ({ op: 'put', coll: 'positions', id, value })),
      ...Object.values(big.clusterCache).map((value): Change => ({ op: 'put', coll: 'clusterCache', id: value.id, value })),
    ];
    const set: ChangeSet = { label: { key: 'import.undoFile', params: { name: 'network.json' } }, changes };
    applyChangeSet(doc, set);
    const result = m.patch(doc, set);
    expect(result.placed).toEqual([]);
    return { m, doc, big };
  }

  it('draws those clusters, not the analysis of the document before it (every newcomer loose), until the fresh one answers', () => {
    const { m, doc } = imported();
    expect(m.groups.map((g) => [g.id, g.kind, g.label])).toEqual([0, 1, 2].map((k) => [`k${k}`, 'cluster', `Circle ${k}`]));
    // An edit meanwhile changes nothing to that.
    const one = { label: { key: 'labels.move' }, changes: [{ op: 'put', coll: 'positions', id: 'c1', value: { x: 1, y: 1 } }] } as ChangeSet;
    applyChangeSet(doc, one);
    m.patch(doc, one);
    expect(m.groups.map((g) => g.id)).toEqual(['k0', 'k1', 'k2']);
    const before = new Map(m.geometry);
    m.setAnalysis(analysisOf(doc), false);
    expect(m.groupById.get('k0')!.label).toBe('Fresh k0');
    for (const [id, geo] of before) expect(m.geometry.get(id)).toEqual(geo);
  });

  it('and undone, is drawn from the analysis again', () => {
    const { m, doc, big } = imported();
    const undo: ChangeSet = {
      label: { key: 'import.undoFile', params: { name: 'network.json' } },
      changes: [
        ...Object.keys(big.clusterCache).map((id): Change => ({ op: 'del', coll: 'clusterCache', id })),
        ...Object.keys(big.positions).map((id): Change => ({ op: 'del', coll: 'positions', id })),
        ...Object.keys(big.ties).map((id): Change => ({ op: 'del', coll: 'ties', id })),
        ...Object.keys(big.contacts).map((id): Change => ({ op: 'del', coll: 'contacts', id })),
      ],
    };
    applyChangeSet(doc, undo);
    m.patch(doc, undo);
    expect(m.aggregate).toBe(false);
    expect(m.groups).toEqual([]);
  });
});

describe('a big document whose ties are indexed a step at a time (its open)', () => {
  const summaries = (m: MapModel) => [...buildScene(m, view()).elements.keys()].filter((id) => id.startsWith('sum:')).sort();

  it('draws its bubbles at once and the summary edges once the index is built, the same as built at once', () => {
    const doc = bigDocument();
    // Ties across the circles: the summary edges between their bubbles.
    for (let i = 0; i < 30; i++) doc.ties[`x${i}`] = { id: `x${i}`, from: `c${i}`, to: `c${i + 1}`, strength: 0.5 };
    const whole = new MapModel(NEUTRAL, 'Loose');
    whole.load(doc);
    const sliced = new MapModel(NEUTRAL, 'Loose');
    sliced.load(doc, { slicedTies: true });
    expect(sliced.tiesReady()).toBe(false);
    expect(bubbles(sliced)).toEqual(bubbles(whole));
    expect(summaries(sliced)).toEqual([]);
    let steps = 0;
    while (!sliced.buildTies()) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(summaries(whole).length).toBeGreaterThan(0);
    expect(summaries(sliced)).toEqual(summaries(whole));
    expect([...sliced.neighbours('c10')].sort()).toEqual([...whole.neighbours('c10')].sort());
  });

  it('an edit arriving mid-build finishes the index first, and its new tie is counted', () => {
    const doc = bigDocument();
    const m = new MapModel(NEUTRAL, 'Loose');
    m.load(doc, { slicedTies: true });
    m.buildTies();
    const set: ChangeSet = { label: { key: 'labels.addTie' }, changes: [{ op: 'put', coll: 'ties', id: 'cross', value: { id: 'cross', from: 'c0', to: 'c1', strength: 0.5 } } as Change] };
    applyChangeSet(doc, set);
    m.patch(doc, set);
    expect(m.tiesReady()).toBe(true);
    expect([...m.neighbours('c0')]).toContain('c1');
    expect(m.summaryEdges().find((s) => [s.a, s.b].sort().join() === 'k0,k1')!.count).toBeGreaterThan(0);
  });

  it('a small document is indexed at once', () => {
    const doc = emptyDocument(NOW);
    const m = new MapModel(NEUTRAL, 'Loose');
    m.load(doc, { slicedTies: true });
    expect(m.tiesReady()).toBe(true);
  });
});
