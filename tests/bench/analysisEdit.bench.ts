// From an edit to a fresh diagnosis, as the renderer's analysis worker does
// it: the worker keeps a replica of the document, applies the user's
// ChangeSet (here: logging an interaction with a dormant tie), re-runs
// analyzeNetwork with the previous clusters, and posts the result back
// (a structured clone). Goal: under 1 s at 5,000 contacts. Baseline, in the
// same run: the same analysis cold, from the document's JSON text (parse,
// validate, analyse), i.e. what opening the file and analysing it costs.
// Runs in Node (tsx), not in a browser worker: same engine code, same V8.
import { performance } from 'node:perf_hooks';
import { analyzeNetwork, type AnalysisResult } from '../../shared/analysis/analyze.js';
import { generateLargeNetwork } from '../../shared/demo/largeNetwork.js';
import { logInteraction } from '../../shared/document/commands.js';
import { applyChangeSet } from '../../shared/document/operations.js';
import { parseDocument } from '../../shared/document/validate.js';

const NOW = '2026-06-01';
const RUNS = 5;
const GOAL_MS = 1_000;
const CONTACTS = 5_000;
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const generated = generateLargeNetwork({ contacts: CONTACTS, ties: 25_000, interactions: 20_000, seed: 7, now: NOW });
const json = JSON.stringify(generated);

const cold: number[] = [];
for (let i = 0; i < RUNS; i++) {
  gc();
  const t = performance.now();
  const parsed = parseDocument(json);
  if (!parsed.ok) throw new Error(`generated document is invalid: ${parsed.error.path}: ${parsed.error.message}`);
  structuredClone(analyzeNetwork(parsed.doc, { now: NOW }));
  cold.push(performance.now() - t);
}

const loaded = parseDocument(json);
if (!loaded.ok) throw new Error('generated document is invalid');
const replica = loaded.doc;
let result: AnalysisResult = analyzeNetwork(replica, { now: NOW });
const edits: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const target = result.dormant[0];
  if (!target) throw new Error('the generated network has no dormant tie left to revive');
  // What the renderer posts to the worker: a message holding the ChangeSet.
  const set = structuredClone(logInteraction(replica, { id: `bench_${i}`, date: NOW, contacts: [target.id], channel: 'call', direction: 'gave' }));
  const previous = { clusters: result.clusters.map((c) => ({ id: c.id, members: c.members })) };
  gc();
  const t = performance.now();
  applyChangeSet(replica, set);
  result = structuredClone(analyzeNetwork(replica, { now: NOW, previous }));
  edits.push(performance.now() - t);
  if (result.dormant.some((d) => d.id === target.id)) throw new Error(`${target.id} is still dormant after an interaction today`);
}

const value = median(edits);
const baseline = median(cold);
emit({
  name: `analysisEdit.edit_to_fresh_${CONTACTS / 1000}k`,
  value: Math.round(value),
  unit: 'ms',
  baseline: Math.round(baseline),
  baselineName: 'cold analysis from the JSON text (parse + validate + analyse)',
  ratio: +(value / baseline).toFixed(2),
  goal: GOAL_MS,
  met: value < GOAL_MS,
  runs: RUNS,
  min: Math.round(Math.min(...edits)),
  max: Math.round(Math.max(...edits)),
  contacts: CONTACTS,
});
