import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { buildAffinityGraph } from '../../../shared/analysis/affinityGraph.js';
import { CLUSTER_PALETTE, detectClusters } from '../../../shared/analysis/clusters.js';
import { addContact, addTie, doc, nmi, NOW, plantedNetwork } from './helpers.js';

type Planted = Parameters<typeof plantedNetwork>[0];

/** NMI between the planted circles and the clusters found (a contact alone is its own cluster). */
function recovered(mixing: number, seed: number, extra: Partial<Planted> = {}, tiesOnly = false): number {
  const { doc: d, truth } = plantedNetwork({ n: 600, mixing, seed, ...extra });
  if (tiesOnly) for (const c of Object.values(d.contacts)) Object.assign(c, { organizations: [], schools: [], city: undefined, tags: [] });
  const ag = buildAffinityGraph(d);
  const { membership } = detectClusters(ag, d);
  const found = ag.ids.map((id, i) => membership[i] ?? `alone:${id}`);
  return nmi(ag.ids.map((id) => truth.get(id)!), found);
}

/** Few known ties (4 to 12 per contact, as users record them), with employers, cities, schools and tags. */
const SPARSE = { attributes: true, minDegree: 4, maxDegree: 12 } as const;

describe('affinity clusters at any size', () => {
  // Shared values that span many circles (one employer for a hundred circles at 30,000, a city for a third of
  // the network) must not drown the ties: they weigh less the more people share them, and big groups link
  // through a hub instead of a ring Louvain would cut into arcs. 30,000 contacts: `npm run bench analysis`.
  it.each([1, 2, 3])('find the planted circles from ties and attributes together at 600 contacts (NMI ≥ 0.85, seed %i)', (seed) => {
    expect(recovered(0.3, seed, SPARSE)).toBeGreaterThanOrEqual(0.85);
    expect(recovered(0.3, seed, { attributes: true })).toBeGreaterThanOrEqual(0.95);
  });

  it.each([1, 2])('find them at 5,000 contacts as well as at 600 (seed %i)', (seed) => {
    expect(recovered(0.3, seed, { ...SPARSE, n: 5000 })).toBeGreaterThanOrEqual(0.9);
    // Ties alone: the resolution grows with the network, so circles of 20–60 are not merged five by five.
    expect(recovered(0.3, seed, { n: 5000 }, true)).toBeGreaterThanOrEqual(0.95);
  });

  it.each([1, 2, 3])('do better with attributes than with the known ties alone at mixing 0.4 (seed %i)', (seed) => {
    const both = recovered(0.4, seed, SPARSE);
    expect(both).toBeGreaterThan(recovered(0.4, seed, SPARSE, true));
    expect(both).toBeGreaterThanOrEqual(0.75);
  });
});

describe('affinity clusters', () => {
  it.each([1, 2, 3])('recover planted communities at mixing 0.3 (NMI ≥ 0.85, seed %i)', (seed) => {
    expect(recovered(0.3, seed)).toBeGreaterThanOrEqual(0.85);
  });

  it('recover planted communities almost exactly at mixing 0.1', () => {
    expect(recovered(0.1, 7)).toBeGreaterThanOrEqual(0.95);
  });

  it('get distinct colours while the palette lasts, the same on every run', () => {
    const { doc: d } = plantedNetwork({ n: 600, mixing: 0.1, seed: 5 });
    const first = analyzeNetwork(d, { now: NOW }).clusters;
    const shown = first.slice(0, Math.min(first.length, CLUSTER_PALETTE.length));
    expect(shown.length).toBeGreaterThan(5);
    expect(new Set(shown.map((c) => c.color)).size).toBe(shown.length);
    expect(analyzeNetwork(d, { now: NOW }).clusters.map((c) => c.color)).toEqual(first.map((c) => c.color));
  });

  it('are labelled from what members share', () => {
    const d = doc();
    for (let i = 0; i < 12; i++) {
      addContact(d, {
        id: `s${i}`,
        city: i < 10 ? 'Paris' : 'Lille',
        organizations: [{ name: 'SFR', sector: 'Telecom', current: true }],
      });
      addContact(d, { id: `h${i}`, city: 'Lyon', schools: [{ name: 'HEC' }], tags: ['finance'] });
    }
    const r = analyzeNetwork(d, { now: NOW });
    const labels = r.clusters.map((c) => c.label).sort();
    expect(labels).toEqual(['Lyon · HEC · finance', 'SFR · Telecom · Paris'].sort());
  });

  it('never share a label: circles of one employer are told apart by what only they share', () => {
    const d = doc();
    const circles = [
      { key: 'a', city: 'Paris', school: 'HEC' },
      { key: 'b', city: 'Paris', school: 'ESSEC' },
      { key: 'c', city: 'Lyon' },
      { key: 'd', city: 'Lille' },
      { key: 'e', city: 'Lille' },
    ];
    for (const c of circles) {
      for (let i = 0; i < 8; i++) {
        addContact(d, { id: `${c.key}${i}`, name: `${c.key.toUpperCase()} Person ${i}`, city: c.city, schools: c.school ? [{ name: c.school }] : [], organizations: [{ name: 'Alan', current: true }] });
        for (let j = 0; j < i; j++) addTie(d, `${c.key}${j}`, `${c.key}${i}`);
      }
    }
    const r = analyzeNetwork(d, { now: NOW });
    const label = (id: string) => r.clusters.find((c) => c.members.includes(id))!.label;
    expect(r.clusters).toHaveLength(5);
    expect(new Set(r.clusters.map((c) => c.label)).size).toBe(5);
    for (const c of r.clusters) expect(c.label.startsWith('Alan')).toBe(true);
    expect(label('a0')).toContain('HEC');
    expect(label('b0')).toContain('ESSEC');
    expect(label('c0')).toContain('Lyon');
    // Nothing but their people tells the two Lille circles apart.
    expect(label('d0')).toMatch(/^Alan · Lille · around D Person/);
    expect(label('e0')).toMatch(/^Alan · Lille · around E Person/);
    expect(analyzeNetwork(d, { now: NOW, lang: 'fr' }).clusters.find((c) => c.members.includes('d0'))!.label).toMatch(/^Alan · Lille · autour de D Person/);
  });

  it('tell apart automatic labels that nothing else separates with a number, and move an automatic label off a name the user chose', () => {
    const d = doc();
    for (const key of ['x', 'y']) {
      for (let i = 0; i < 4; i++) {
        addContact(d, { id: `${key}${i}`, name: 'Dominique Martin', organizations: [{ name: 'Alan', current: true }] });
        for (let j = 0; j < i; j++) addTie(d, `${key}${j}`, `${key}${i}`);
      }
    }
    const first = analyzeNetwork(d, { now: NOW }).clusters;
    expect(first.map((c) => c.label).sort()).toEqual(['Alan · around Dominique Martin', 'Alan · around Dominique Martin (2)']);
    d.clusters[first[0]!.id] = { id: first[0]!.id, label: 'Alan · around Dominique Martin' };
    const again = analyzeNetwork(d, { now: NOW }).clusters;
    expect(again.find((c) => c.id === first[0]!.id)!.label).toBe('Alan · around Dominique Martin');
    expect(new Set(again.map((c) => c.label)).size).toBe(2);
  });

  it("keep the user's label and colour", () => {
    const d = doc();
    for (let i = 0; i < 6; i++) addContact(d, { id: `s${i}`, organizations: [{ name: 'SFR', current: true }] });
    const first = analyzeNetwork(d, { now: NOW }).clusters[0]!;
    d.clusters[first.id] = { id: first.id, label: 'Ex-collègues', color: '#123456' };
    const again = analyzeNetwork(d, { now: NOW }).clusters[0]!;
    expect(again).toMatchObject({ id: first.id, label: 'Ex-collègues', color: '#123456' });
  });

  it('keep their ids under a small edit, with or without the previous run', () => {
    const { doc: d } = plantedNetwork({ n: 400, mixing: 0.2, seed: 11 });
    const before = analyzeNetwork(d, { now: NOW });
    addContact(d, { id: 'c99999', name: 'Newcomer' });
    addTie(d, 'c00001', 'c99999');
    addTie(d, 'c00002', 'c99999');
    const previous = { clusters: before.clusters.map((c) => ({ id: c.id, members: c.members })) };
    for (const after of [analyzeNetwork(d, { now: NOW, previous }), analyzeNetwork(d, { now: NOW })]) {
      const idOf = new Map(after.contacts.map((c) => [c.id, c.cluster]));
      let kept = 0;
      for (const c of before.contacts) if (c.cluster !== null && idOf.get(c.id) === c.cluster) kept++;
      const clustered = before.contacts.filter((c) => c.cluster !== null).length;
      expect(kept / clustered).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('match previous clusters by overlap even when Louvain would name them differently', () => {
    const { doc: d } = plantedNetwork({ n: 300, mixing: 0.1, seed: 5 });
    const before = analyzeNetwork(d, { now: NOW });
    const renamed = { clusters: before.clusters.map((c, k) => ({ id: `mine_${k}`, members: c.members })) };
    const after = analyzeNetwork(d, { now: NOW, previous: renamed });
    expect(after.clusters.map((c) => c.id).sort()).toEqual(renamed.clusters.map((c) => c.id).sort());
  });
});
