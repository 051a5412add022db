// Network diagnosis (shared/analysis) at 5,000 and 30,000 contacts.
// Goals: 5k under 1 s, 30k in a few seconds. Stated against a baseline taken
// in the same run — a structuredClone of the same document, the least a
// Web Worker pays to receive it — since absolute timings on shared 2-core
// machines are noisy. Phases are reported to show where the time goes.
import { performance } from 'node:perf_hooks';
import { buildAffinityGraph } from '../../shared/analysis/affinityGraph.js';
import { analyzeNetwork } from '../../shared/analysis/analyze.js';
import { brokerage } from '../../shared/analysis/brokerage.js';
import { detectClusters } from '../../shared/analysis/clusters.js';
import { generateLargeNetwork } from '../../shared/demo/largeNetwork.js';

const NOW = '2026-06-01';
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

for (const [contacts, ties, interactions, goalMs] of [
  [5_000, 25_000, 20_000, 1_000],
  [30_000, 150_000, 100_000, 5_000],
] as const) {
  const doc = generateLargeNetwork({ contacts, ties, interactions, seed: 7, now: NOW });
  const runs: number[] = [];
  const clones: number[] = [];
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    runs.push(time(() => analyzeNetwork(doc, { now: NOW })));
    clones.push(time(() => structuredClone(doc)));
  }
  const ag = buildAffinityGraph(doc);
  const phases = {
    graphMs: Math.round(time(() => buildAffinityGraph(doc))),
    louvainMs: Math.round(time(() => detectClusters(ag, doc))),
    brokerageMs: Math.round(time(() => brokerage(ag.adjacency))),
  };
  const value = median(runs);
  const baseline = median(clones);
  emit({
    name: `analysis.analyze_${contacts / 1000}k`,
    value: Math.round(value),
    unit: 'ms',
    goalMs,
    withinGoal: value < goalMs,
    baseline: Math.round(baseline),
    baselineName: 'structuredClone of the document',
    ratio: +(value / baseline).toFixed(2),
    contacts,
    ties,
    interactions,
    edges: ag.adjacency.targets.length / 2,
    ...phases,
  });
}
