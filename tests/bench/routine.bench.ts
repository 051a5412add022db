// The routine at 30,000 contacts. What the app recomputes after an edit — the
// reminders and the states of the week's actions — and what it computes once
// a week — the plan — against the analysis they follow, measured in the same
// run (their ratio must stay small: the routine must never be what makes an
// edit slow). And one step of a review of everyone (a keypress: the
// ChangeSet built, applied and serialised as it crosses to the main side)
// against the same for an ordinary contact edit.
import { performance } from 'node:perf_hooks';
import { analyzeNetwork } from '../../shared/analysis/analyze.js';
import { generateLargeNetwork } from '../../shared/demo/largeNetwork.js';
import { logInteraction, updateContact } from '../../shared/document/commands.js';
import { applyChangeSet } from '../../shared/document/operations.js';
import { decideReview, startReview } from '../../shared/document/reviews.js';
import { makePlan } from '../../shared/document/weekPlans.js';
import { DayLog } from '../../shared/routine/dayLog.js';
import { actionState, buildWeekPlan, lastContactSince } from '../../shared/routine/plan.js';
import { reminders } from '../../shared/routine/reminders.js';
import { reviewSetContacts } from '../../shared/routine/reviewSets.js';

const NOW = '2026-06-01';
const CONTACTS = 30_000;
const RUNS = 5;
const emit = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
function timed(runs: number, f: (i: number) => unknown): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t = performance.now();
    f(i);
    out.push(performance.now() - t);
  }
  return median(out);
}

const doc = generateLargeNetwork({ contacts: CONTACTS, ties: 150_000, interactions: 100_000, seed: 7, now: NOW });
const personas = Object.keys(doc.personas);
doc.objectives.o1 = { id: 'o1', title: 'Bench', personas, clusters: [], categories: Object.keys(doc.categories).slice(0, 2), steps: [{ id: 's', text: 'step', due: NOW }], status: 'active', history: [], reviewDate: NOW, createdAt: NOW, updatedAt: NOW };
doc.goals.g1 = { id: 'g1', channels: [], kinds: ['lunch'], count: 1, every: 1, unit: 'week', since: '2025-01-01' };
doc.goals.g2 = { id: 'g2', channels: ['event'], kinds: [], count: 1, every: 15, unit: 'day', since: '2025-01-01' };

let analysis = analyzeNetwork(doc, { now: NOW });
const analysisMs = timed(3, () => (analysis = analyzeNetwork(doc, { now: NOW })));

const planMs = timed(RUNS, () => buildWeekPlan(doc, analysis, NOW));
applyChangeSet(doc, makePlan(buildWeekPlan(doc, analysis, NOW)));
const plan = doc.plans[Object.keys(doc.plans)[0]!]!;
// The renderer keeps the log by day up to date from each ChangeSet; an edit then costs its update and a read of a few days.
const log = DayLog.of(doc);
const perEditMs = timed(RUNS, (i) => {
  const set = logInteraction(doc, { id: `i_bench_${i}`, date: NOW, contacts: [Object.keys(doc.contacts)[i]!], channel: 'call', direction: 'gave' });
  applyChangeSet(doc, set);
  log.apply(doc, set);
  reminders(doc, { today: NOW, lastSeen: '2026-05-01', plan, log });
  const recent = lastContactSince(doc, plan.id, log);
  for (const a of plan.actions) actionState(doc, plan, a, NOW, recent);
});

const common = { baseline: Math.round(analysisMs), baselineName: 'analyzeNetwork of the same document', contacts: CONTACTS, runs: RUNS };
emit({ name: 'routine.plan_30k', value: Math.round(planMs), unit: 'ms', ...common, ratio: +(planMs / analysisMs).toFixed(3), goal: '≤ 0.1 of the analysis', met: planMs <= 0.1 * analysisMs, actions: plan.actions.length });
emit({ name: 'routine.edit_then_reminders_and_states_30k', value: Math.round(perEditMs), unit: 'ms', ...common, ratio: +(perEditMs / analysisMs).toFixed(3), goal: '≤ 0.02 of the analysis', met: perEditMs <= 0.02 * analysisMs });

// A review of everyone: one keypress is a decision, built, serialised (as it crosses to the main side) and applied.
const everyone = reviewSetContacts(doc, analysis, { kind: 'all' }, NOW);
applyChangeSet(doc, startReview({ kind: 'all' }, everyone, NOW, 'r_bench'));
const stepMs = timed(RUNS, (i) => {
  const set = decideReview(doc, 'r_bench', i, 'kept', NOW);
  JSON.parse(JSON.stringify(set));
  applyChangeSet(doc, set);
});
const ids = Object.keys(doc.contacts);
const editMs = timed(RUNS, (i) => {
  const set = updateContact(doc, ids[i]!, { notes: `bench ${i}` }, NOW);
  JSON.parse(JSON.stringify(set));
  applyChangeSet(doc, set);
});
emit({
  name: 'routine.review_step_all_30k',
  value: +stepMs.toFixed(1),
  unit: 'ms',
  baseline: +editMs.toFixed(1),
  baselineName: 'an ordinary contact edit, built, serialised and applied',
  ratio: +(stepMs / editMs).toFixed(1),
  goal: 'under 50 ms (a keypress)',
  met: stepMs < 50,
  reviewSize: everyone.length,
  runs: RUNS,
});
