// Network diagnosis (shared/analysis): speed and cluster quality.
//
// Speed — the full diagnosis, cold (what a worker does for a document it has
// just opened, and what `carnet analyze` does), at 5,000 and 30,000 contacts.
// Goal: under 1.5 s at 30,000 contacts / 150,000 ties. Baseline, same run: a
// structuredClone of the same document (the least a Web Worker pays to
// receive it). Wall time and the process's CPU time are both printed: on a
// shared 2-core machine the wall time of a loaded run says more about the
// neighbours than about the code. Phases show where the time goes.
//
// Louvain — ours on the compressed graph against graphology +
// graphology-communities-louvain on the same weighted edges (building the
// graphology graph included, as the analysis had to): same modularity, time.
//
// Quality — NMI between planted circles and the clusters found, with ties
// and attributes together (tests/helpers/planted.ts), at 600, 5,000 and
// 30,000 contacts, mixing 0.3. Goal: NMI ≥ 0.85 at every size. Baseline,
// same run: the same ties with no attributes (Louvain on the known ties alone).
import { performance } from 'node:perf_hooks';
import Graph from 'graphology';
import graphologyLouvain from 'graphology-communities-louvain';
import { buildAffinityGraph } from '../../shared/analysis/affinityGraph.js';
import { analyzeNetwork } from '../../shared/analysis/analyze.js';
import { brokerage } from '../../shared/analysis/brokerage.js';
import { detectClusters, findCommunities, resolutionFor } from '../../shared/analysis/clusters.js';
import { louvain } from '../../shared/analysis/louvain.js';
import { createRandom } from '../../shared/demo/random.js';
import { generateLargeNetwork } from '../../shared/demo/largeNetwork.js';
import type { CarnetDocument } from '../../shared/document/schema.js';
import { nmi, plantedNetwork } from '../helpers/planted.js';

const NOW = '2026-06-01';
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Wall and CPU milliseconds of f. */
function time(f: () => unknown): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const u = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000 };
}

for (const [contacts, ties, interactions, goalMs] of [
  [5_000, 25_000, 20_000, 500],
  [30_000, 150_000, 100_000, 1_500],
] as const) {
  const doc = generateLargeNetwork({ contacts, ties, interactions, seed: 7, now: NOW });
  analyzeNetwork(doc, { now: NOW });
  const runs: { wall: number; cpu: number }[] = [];
  const clones: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 3; i++) {
    gc();
    runs.push(time(() => analyzeNetwork(doc, { now: NOW })));
    gc();
    clones.push(time(() => structuredClone(doc)));
  }
  const ag = buildAffinityGraph(doc);
  const phases = {
    graphMs: Math.round(time(() => buildAffinityGraph(doc)).wall),
    louvainMs: Math.round(time(() => findCommunities(ag)).wall),
    brokerageMs: Math.round(time(() => brokerage(ag.adjacency)).wall),
  };
  const value = median(runs.map((r) => r.wall));
  const baseline = median(clones.map((r) => r.wall));
  emit({
    name: `analysis.analyze_${contacts / 1000}k`,
    value: Math.round(value),
    unit: 'ms',
    cpuMs: Math.round(median(runs.map((r) => r.cpu))),
    goalMs,
    withinGoal: value < goalMs,
    baseline: Math.round(baseline),
    baselineCpuMs: Math.round(median(clones.map((r) => r.cpu))),
    baselineName: 'structuredClone of the document',
    ratio: +(value / baseline).toFixed(2),
    contacts,
    ties,
    interactions,
    edges: ag.adjacency.targets.length / 2,
    ...phases,
  });
  if (contacts === 30_000) louvainAgainstGraphology(doc);
}

/** Our Louvain against graphology's on the same clustering graph (hubs included). */
function louvainAgainstGraphology(doc: CarnetDocument): void {
  const ag = buildAffinityGraph(doc);
  const { offsets, targets, weights } = ag.clustering;
  const resolution = resolutionFor(ag.ids.length);
  let ours = { modularity: 0, count: 0 };
  const own = time(() => (ours = louvain(ag.clustering, { rng: createRandom(1).next, resolution })));
  let theirs = { modularity: 0, count: 0 };
  const build = time(() => {
    const g = new Graph({ type: 'undirected' });
    for (let i = 0; i < offsets.length - 1; i++) g.addNode(i);
    for (let i = 0; i < offsets.length - 1; i++) for (let e = offsets[i]!; e < offsets[i + 1]!; e++) if (targets[e]! > i) g.addUndirectedEdge(i, targets[e]!, { weight: weights[e]! });
    const run = graphologyLouvain.detailed(g, { rng: createRandom(1).next, resolution });
    theirs = { modularity: run.modularity, count: run.count };
  });
  emit({
    name: 'analysis.louvain_30k',
    value: Math.round(own.wall),
    unit: 'ms',
    baseline: Math.round(build.wall),
    baselineName: 'graphology graph built edge by edge + graphology-communities-louvain, same graph and resolution',
    ratio: +(own.wall / build.wall).toFixed(3),
    modularity: +ours.modularity.toFixed(4),
    baselineModularity: +theirs.modularity.toFixed(4),
    communities: ours.count,
    baselineCommunities: theirs.count,
  });
}

/** NMI of the clusters found against the planted circles. */
function recovered(d: CarnetDocument, truth: Map<string, number>): number {
  const ag = buildAffinityGraph(d);
  const { membership } = detectClusters(ag, d);
  return nmi(ag.ids.map((id) => truth.get(id)!), ag.ids.map((id, i) => membership[i] ?? `alone:${id}`));
}

for (const n of [600, 5_000, 30_000]) {
  for (const [regime, degrees] of [['sparse', { minDegree: 4, maxDegree: 12 }], ['dense', {}]] as const) {
    const { doc: d, truth } = plantedNetwork({ n, mixing: 0.3, seed: 1, attributes: true, ...degrees });
    const value = recovered(d, truth);
    for (const c of Object.values(d.contacts)) Object.assign(c, { organizations: [], schools: [], city: undefined, tags: [] });
    const baseline = recovered(d, truth);
    emit({
      name: `analysis.clusters_nmi_${n >= 1000 ? `${n / 1000}k` : n}_${regime}`,
      value: +value.toFixed(3),
      unit: 'NMI',
      goal: 0.85,
      met: value >= 0.85,
      baseline: +baseline.toFixed(3),
      baselineName: 'the same known ties without the attributes',
      ratio: +(value / baseline).toFixed(3),
      mixing: 0.3,
      knownTiesPerContact: regime === 'sparse' ? '4–12' : '10–30',
    });
  }
}
