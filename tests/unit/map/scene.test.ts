// The map's scene, what it draws, as a pure function of the document, the analysis, the view and the
// options: checked here without Cytoscape or a browser.
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/analysis/analyze.js';
import { emptyDocument, type CarnetDocument } from '../../../shared/document/schema.js';
import { MapModel, FULL_MAP_MAX } from '../../../renderer/src/map/engine/model.js';
import { buildScene, categoryAreasOf, type SceneView } from '../../../renderer/src/map/engine/scene.js';
import { DEFAULT_MAP_OPTIONS, type MapOptions } from '../../../renderer/src/map/engine/types.js';
import { BUBBLE_PREFIX, ME_ID } from '../../../renderer/src/map/engine/elements.js';

const NOW = '2026-06-01T00:00:00.000Z';
const NEUTRAL = '#8a94a3';

type Person = { id: string; x?: number; y?: number; strength?: number; categories?: string[] };

function docOf(people: Person[], ties: [string, string][] = []): CarnetDocument {
  const doc = emptyDocument(NOW);
  doc.categories.clients = { id: 'clients', name: 'Clients', color: '#dc2626' };
  doc.categories.alumni = { id: 'alumni', name: 'Alumni', color: '#059669' };
  for (const p of people) {
    doc.contacts[p.id] = {
      id: p.id, name: `Name ${p.id}`, emails: [], phones: [], urls: [], organizations: [], schools: [], addresses: [], tags: [],
      categories: p.categories ?? [], sources: [], createdAt: NOW, updatedAt: NOW, ...(p.strength ? { strength: p.strength } : {}),
    };
    if (p.x !== undefined) doc.positions[p.id] = { x: p.x, y: p.y ?? 0 };
  }
  ties.forEach(([from, to], i) => (doc.ties[`t${i}`] = { id: `t${i}`, from, to, strength: 0.5 }));
  return doc;
}

/** An analysis with just what the map reads: clusters, per-contact figures, the marks. */
function analysisOf(
  clusters: { id: string; color: string; members: string[] }[],
  marks: { overdue?: string[]; dormant?: string[]; brokers?: string[]; fragile?: string[]; unbridged?: [string, string][] } = {},
  strengths: Record<string, number> = {},
): AnalysisResult {
  const members = clusters.flatMap((c) => c.members.map((m) => [m, c.id] as const));
  return {
    now: NOW,
    clusters: clusters.map((c) => ({ ...c, label: `Cluster ${c.id}`, labelParts: [], size: c.members.length, core: c.members[0]! })),
    contacts: members.map(([id, cluster]) => ({ id, name: id, cluster, effectiveSize: null, constraint: null, strength: strengths[id] ?? 2, lastInteraction: null, active: true })),
    overdue: (marks.overdue ?? []).map((id) => ({ id })),
    dormant: (marks.dormant ?? []).map((id) => ({ id })),
    gaps: {
      brokers: (marks.brokers ?? []).map((id) => ({ id })),
      fragileClusters: (marks.fragile ?? []).map((id) => ({ cluster: { id, label: id } })),
      unbridged: (marks.unbridged ?? []).map(([a, b]) => ({ a: { id: a, label: a }, b: { id: b, label: b } })),
    },
  } as unknown as AnalysisResult;
}

function view(patch: Partial<SceneView> = {}, options: Partial<MapOptions> = {}): SceneView {
  return { options: { ...DEFAULT_MAP_OPTIONS, ...options }, colors: { neutral: NEUTRAL, me: '#111827' }, meLabel: 'Me', current: null, focus: null, highlighted: null, zoom: 1, ...patch };
}

function model(doc: CarnetDocument, analysis: AnalysisResult | null = null): MapModel {
  const m = new MapModel(NEUTRAL, 'Loose');
  m.load(doc);
  if (analysis) m.setAnalysis(analysis, false);
  return m;
}

const classesOf = (scene: ReturnType<typeof buildScene>, id: string) => (scene.elements.get(id)?.classes ?? '').split(' ').filter(Boolean);

describe('the scene of a small map', () => {
  const people: Person[] = [
    { id: 'a', x: 0, y: 0, strength: 5 },
    { id: 'b', x: 50, y: 0 },
    { id: 'c', x: 0, y: 50 },
    { id: 'd', x: 400, y: 400 },
    { id: 'e' },
  ];
  const ties: [string, string][] = [['a', 'b'], ['b', 'c'], ['c', 'd']];
  const clusters = [{ id: 'k1', color: '#2563eb', members: ['a', 'b', 'c'] }];

  it('draws every placed contact in its cluster colour (the rest neutral) and every tie between drawn contacts', () => {
    const scene = buildScene(model(docOf(people, ties), analysisOf(clusters)), view());
    expect([...scene.drawn].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(scene.elements.get('a')).toMatchObject({ group: 'nodes', position: { x: 0, y: 0 }, data: { color: '#2563eb', label: 'Name a' } });
    expect(scene.elements.get('d')!.data.color).toBe(NEUTRAL);
    expect(scene.elements.has('e')).toBe(false);
    const edges = [...scene.elements.values()].filter((e) => e.group === 'edges').map((e) => `${e.data.source}-${e.data.target}`);
    expect(edges.sort()).toEqual(['a-b', 'b-c', 'c-d']);
    // The cluster is drawn as a region under its members, with its name.
    expect(scene.regions).toMatchObject([{ id: 'k1', label: 'Cluster k1', color: '#2563eb', fragile: false }]);
  });

  it('sizes a contact by its tie strength, or by brokerage when asked', () => {
    const m = model(docOf(people, ties), analysisOf(clusters, {}, { a: 5, b: 1 }));
    const byStrength = buildScene(m, view());
    expect(byStrength.elements.get('a')!.data.size as number).toBeGreaterThan(byStrength.elements.get('b')!.data.size as number);
    const byBrokerage = buildScene(m, view({}, { sizeBy: 'brokerage' }));
    expect(byBrokerage.elements.get('a')!.data.size).toBe(byBrokerage.elements.get('b')!.data.size);
  });

  it('marks overdue and dormant ties; brokers, fragile clusters and missing bridges only with the gaps overlay', () => {
    const analysis = analysisOf([...clusters, { id: 'k2', color: '#16a34a', members: ['d'] }], { overdue: ['a'], dormant: ['b'], brokers: ['c'], fragile: ['k1'], unbridged: [['k1', 'k2']] });
    const m = model(docOf(people, ties), analysis);
    const plain = buildScene(m, view());
    expect(classesOf(plain, 'a')).toContain('overdue');
    expect(classesOf(plain, 'b')).toContain('dormant');
    expect(classesOf(plain, 'c')).not.toContain('broker');
    expect(plain.gapLines).toEqual([]);
    expect(plain.regions.find((r) => r.id === 'k1')!.fragile).toBe(false);
    const gaps = buildScene(m, view({}, { showGaps: true }));
    expect(classesOf(gaps, 'c')).toContain('broker');
    expect(gaps.regions.find((r) => r.id === 'k1')!.fragile).toBe(true);
    expect(gaps.gapLines).toHaveLength(1);
  });

  it('with categories as areas, contacts take their category colour (one colour code) and cluster regions are left out', () => {
    const doc = docOf([{ id: 'a', x: 0, categories: ['clients', 'alumni'] }, { id: 'b', x: 50, categories: ['alumni'] }, { id: 'c', x: 100 }], []);
    const m = model(doc, analysisOf([{ id: 'k1', color: '#2563eb', members: ['a', 'b', 'c'] }]));
    const scene = buildScene(m, view({}, { showCategories: true }));
    expect(scene.elements.get('a')!.data.color).toBe('#dc2626');
    expect(scene.elements.get('b')!.data.color).toBe('#059669');
    expect(scene.elements.get('c')!.data.color).toBe(NEUTRAL);
    expect(scene.regions).toEqual([]);
    expect(scene.categoryAreas!.map((a) => [a.id, a.points.length]).sort()).toEqual([['alumni', 2], ['clients', 1]]);
    // A drop is judged against the areas of the contacts that did not move.
    expect(categoryAreasOf(m, scene.drawn, { ...DEFAULT_MAP_OPTIONS, showCategories: true }, new Set(['a']))!.map((x) => x.id)).toEqual(['alumni']);
    expect(buildScene(m, view()).categoryAreas).toBeNull();
  });

  it('leaves out the contacts a filter hides, and their ties', () => {
    const m = model(docOf(people, ties), analysisOf(clusters));
    m.setFilter((c) => c.id !== 'b');
    const scene = buildScene(m, view());
    expect([...scene.drawn].sort()).toEqual(['a', 'c', 'd']);
    expect([...scene.elements.values()].filter((e) => e.group === 'edges').map((e) => `${e.data.source}-${e.data.target}`)).toEqual(['c-d']);
  });

  it('an ego view fades everyone beyond its reach; only those it keeps can be named', () => {
    const m = model(docOf(people, ties), analysisOf(clusters));
    const near = m.egoIds('a', 1);
    expect([...near].sort()).toEqual(['a', 'b']);
    expect([...m.egoIds('a', 2)].sort()).toEqual(['a', 'b', 'c']);
    const scene = buildScene(m, view({ focus: { id: 'a', ids: near } }));
    expect(classesOf(scene, 'a')).toEqual(expect.arrayContaining(['hl', 'focus']));
    expect(classesOf(scene, 'b')).toContain('hl');
    expect(classesOf(scene, 'c')).toContain('faded');
    expect(classesOf(scene, 'tie:t0')).toContain('hl');
    expect(classesOf(scene, 'tie:t1')).toContain('faded');
    expect([...scene.labels.keys()].sort()).toEqual(['a', 'b']);
  });

  it('names first the contact shown, then the closest and best connected, then those the drawer asks about', () => {
    const doc = docOf([{ id: 'close', x: 0, strength: 5 }, { id: 'far', x: 100, strength: 1 }, { id: 'hub', x: 200, strength: 1 }, { id: 'x1', x: 300, strength: 1 }, { id: 'x2', x: 400, strength: 1 }, { id: 'asked', x: 500, strength: 1 }], [['hub', 'x1'], ['hub', 'x2'], ['hub', 'far']]);
    const m = model(doc, analysisOf([{ id: 'k', color: '#2563eb', members: Object.keys(doc.contacts) }], { dormant: ['asked'] }, { close: 5 }));
    const p = (scene: ReturnType<typeof buildScene>, id: string) => scene.labels.get(id)!.priority;
    const scene = buildScene(m, view());
    expect(p(scene, 'close')).toBeGreaterThan(p(scene, 'hub'));
    expect(p(scene, 'hub')).toBeGreaterThan(p(scene, 'x1'));
    expect(p(scene, 'asked')).toBeGreaterThan(p(scene, 'x1'));
    const shown = buildScene(m, view({ current: 'x2' }));
    expect(p(shown, 'x2')).toBeGreaterThan(p(shown, 'close'));
    expect(classesOf(shown, 'x2')).toContain('current');
  });

  it('puts the user in the middle, tied to their close contacts, when asked', () => {
    const m = model(docOf(people, ties), analysisOf(clusters, {}, { a: 5, b: 4, c: 2 }));
    expect(buildScene(m, view()).elements.has(ME_ID)).toBe(false);
    const scene = buildScene(m, view({}, { showMe: true }));
    expect(scene.elements.get(ME_ID)).toMatchObject({ data: { label: 'Me' }, classes: 'me' });
    const mine = [...scene.elements.values()].filter((e) => e.data.source === ME_ID).map((e) => e.data.target);
    expect(mine.sort()).toEqual(['a', 'b']);
  });
});

describe('the scene of a big map', () => {
  function big(): { doc: CarnetDocument; clusters: { id: string; color: string; members: string[] }[] } {
    const n = FULL_MAP_MAX + 300;
    const people: Person[] = [];
    const ties: [string, string][] = [];
    const clusters = [0, 1, 2].map((k) => ({ id: `k${k}`, color: ['#2563eb', '#16a34a', '#dc2626'][k]!, members: [] as string[] }));
    for (let i = 0; i < n; i++) {
      const k = i % 3;
      people.push({ id: `c${i}`, x: k * 5000 + (i % 40) * 30, y: Math.floor(i / 120) * 30 });
      clusters[k]!.members.push(`c${i}`);
      if (i >= 3) ties.push([`c${i}`, `c${i - 3}`]);
      if (i % 97 === 0 && i > 0) ties.push([`c${i}`, `c${i - 1}`]);
    }
    return { doc: docOf(people, ties), clusters };
  }

  it('draws each cluster as one bubble with its count, and the ties between clusters as summary edges', () => {
    const { doc, clusters } = big();
    const m = model(doc, analysisOf(clusters));
    expect(m.aggregate).toBe(true);
    const scene = buildScene(m, view({ zoom: 0.05 }));
    expect(scene.drawn.size).toBe(0);
    const bubbles = [...scene.elements.values()].filter((e) => e.data.id.startsWith(BUBBLE_PREFIX));
    expect(bubbles.map((b) => [b.data.id, b.data.count])).toEqual(clusters.map((c) => [BUBBLE_PREFIX + c.id, c.members.length]));
    const summaries = [...scene.elements.values()].filter((e) => (e.classes ?? '').includes('summary'));
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.every((s) => s.data.source!.startsWith(BUBBLE_PREFIX) && s.data.target!.startsWith(BUBBLE_PREFIX))).toBe(true);
  });

  it('draws the contacts of a cluster the user opened, and never more than the budget', () => {
    const { doc, clusters } = big();
    const m = model(doc, analysisOf(clusters));
    expect(m.reveal(['c1'])).toBe(true);
    m.updateExpansion({ zoom: 0.05, extent: { x1: -1e5, y1: -1e5, x2: 1e5, y2: 1e5 } });
    expect([...m.expanded]).toEqual(['k1']);
    const scene = buildScene(m, view({ zoom: 0.05 }));
    expect(scene.drawn.size).toBe(clusters[1]!.members.length);
    expect(scene.elements.has(BUBBLE_PREFIX + 'k1')).toBe(false);
    expect(scene.elements.has(BUBBLE_PREFIX + 'k0')).toBe(true);
    // A search result in another cluster opens it too; the last asked for comes first within the budget.
    m.reveal(['c0']);
    m.updateExpansion({ zoom: 0.05, extent: { x1: -1e5, y1: -1e5, x2: 1e5, y2: 1e5 } });
    expect(m.expanded.has('k0')).toBe(true);
    expect(buildScene(m, view({ zoom: 0.05 })).drawn.size).toBeLessThanOrEqual(1200);
  });
});

describe('the model follows edits', () => {
  it('reports the contacts an edit added, and which of them still need a place', () => {
    const doc = docOf([{ id: 'a', x: 0 }]);
    const m = model(doc);
    doc.contacts.b = { ...doc.contacts.a!, id: 'b', name: 'B' };
    doc.contacts.c = { ...doc.contacts.a!, id: 'c', name: 'C' };
    doc.positions.c = { x: 10, y: 10 };
    const r = m.patch(doc, { label: { key: 'import.undoFile', params: { name: 'x.csv' } }, changes: [
      { op: 'put', coll: 'contacts', id: 'b', value: doc.contacts.b },
      { op: 'put', coll: 'contacts', id: 'c', value: doc.contacts.c },
      { op: 'put', coll: 'positions', id: 'c', value: doc.positions.c },
      { op: 'put', coll: 'contacts', id: 'a', value: doc.contacts.a },
    ] });
    expect(r).toEqual({ added: ['b', 'c'], placed: ['b'] });
  });
});

describe('the names of bubbles', () => {
  it('a bubble is given its name only where the name can be read at about the zoom of the scene', () => {
    const people: Person[] = [];
    const clusters = [0, 1].map((k) => ({ id: `k${k}`, color: '#2563eb', members: [] as string[] }));
    for (let i = 0; i < FULL_MAP_MAX + 100; i++) {
      people.push({ id: `c${i}`, x: (i % 2) * 8000 + (i % 50) * 20, y: Math.floor(i / 100) * 20 });
      clusters[i % 2]!.members.push(`c${i}`);
    }
    const m = model(docOf(people), analysisOf(clusters));
    const named = (zoom: number) =>
      [...buildScene(m, view({ zoom })).elements.values()]
        .filter((e) => e.data.id.startsWith(BUBBLE_PREFIX))
        .map((e) => [(e.classes ?? '').split(' ').includes('named'), Number(e.data.fontSize) * zoom] as const);
    // At 0.002, a name would be a fraction of a pixel: not given, not measured.
    expect(named(0.002).every(([isNamed, px]) => !isNamed && px < 3.5)).toBe(true);
    // From 3.5 px, half of what is drawn, it is given, so that a zoom in shows it as it grows past 7 px.
    expect(named(0.03).every(([isNamed, px]) => isNamed && px >= 3.5 && px < 7)).toBe(true);
    expect(named(0.1).every(([isNamed, px]) => isNamed && px >= 7)).toBe(true);
  });
});
