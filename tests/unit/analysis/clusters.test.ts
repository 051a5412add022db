import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { buildAffinityGraph } from '../../../shared/analysis/affinityGraph.js';
import { CLUSTER_PALETTE, detectClusters } from '../../../shared/analysis/clusters.js';
import { addContact, addTie, doc, nmi, NOW, plantedNetwork } from './helpers.js';

function recovered(mixing: number, seed: number): number {
  const { doc: d, truth } = plantedNetwork({ n: 600, mixing, seed });
  const ag = buildAffinityGraph(d);
  const { membership } = detectClusters(ag, d);
  const found = ag.ids.map((id, i) => membership[i] ?? `alone:${id}`);
  return nmi(ag.ids.map((id) => truth.get(id)!), found);
}

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
