// The routine's facts as the analysis worker answers them, from its replica of the document and the
// replica's DayLog, are those computed from the document itself by the functions the views used to call on
// the UI thread (a scan of the whole log, no index), before and after each kind of edit, and they cross to
// the UI thread (a structured clone) intact, with the document's sizes.
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { applyChangeSet, type ChangeSet } from '../../../shared/document/operations.js';
import { makePlan, markActionDone } from '../../../shared/document/weekPlans.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { weekOf } from '../../../shared/routine/dates.js';
import type { RoutineFacts, RoutineInputs } from '../../../shared/routine/facts.js';
import { goalProgress } from '../../../shared/routine/goals.js';
import { buildWeekPlan, lastContactSince } from '../../../shared/routine/plan.js';
import { reminders, sortReminders } from '../../../shared/routine/reminders.js';
import type { FromWorker } from '../../../renderer/src/analysis/protocol.js';
import { WorkerReplica } from '../../../renderer/src/analysis/replica.js';
import { contact, daysBefore, doc, goal, interaction, objective, TODAY } from '../routine/helpers.js';

/** The facts from the document alone: what the reminders, the week panel and the goals section computed before. */
function direct(d: CarnetDocument, inputs: RoutineInputs): Omit<RoutineFacts, 'today' | 'lastSeen'> {
  const week = weekOf(inputs.today);
  const plan = Object.hasOwn(d.plans, week) ? d.plans[week]! : null;
  return {
    reminders: sortReminders(reminders(d, { ...inputs, plan })),
    week,
    recent: lastContactSince(d, week),
    goals: Object.values(d.goals)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((g) => goalProgress(d, g, inputs.today)),
  };
}

function network(): CarnetDocument {
  const d = doc();
  contact(d, { id: 'ana', name: 'Ana Martin', cadenceDays: 14, birthday: '1985-05-30' });
  contact(d, { id: 'bob', name: 'Bob Smith', birthday: `1979-${TODAY.slice(5)}` });
  contact(d, { id: 'cleo', name: 'Cléo Durand', cadenceDays: 30 });
  contact(d, { id: '__proto__', name: 'Proto' });
  interaction(d, ['ana'], daysBefore(TODAY, 30));
  interaction(d, ['ana'], '2026-05-06', { kind: 'lunch' });
  interaction(d, ['cleo', 'bob'], '2026-06-01T18:30:00.000Z', { channel: 'call' });
  objective(d, { id: 'o1', title: 'Raise a seed round', reviewDate: '2026-06-01', steps: [{ id: 's1', text: 'Pitch deck ready', due: '2026-05-29' }] });
  goal(d, { id: 'g1', kinds: ['lunch'], count: 1, every: 1, unit: 'week', since: '2026-05-01', objective: 'o1' });
  goal(d, { id: 'g2', channels: ['call'], count: 2, every: 1, unit: 'month', since: '2026-01-01', paused: true });
  applyChangeSet(d, makePlan(buildWeekPlan(d, analyzeNetwork(d, { now: TODAY }), TODAY)));
  return d;
}

/** A worker replica fed as the renderer feeds it; answers come back through a structured clone, as postMessage does. */
function replicaOf(d: CarnetDocument, from: 'text' | 'bytes' = 'text') {
  const answers: Extract<FromWorker, { type: 'routine' }>[] = [];
  const replica = new WorkerReplica((msg) => {
    const copy = structuredClone(msg);
    if (copy.type === 'routine') answers.push(copy);
  });
  const stateJson = JSON.stringify({ revision: 1, doc: d });
  // In browser mode the page hands the worker the state's UTF-8 bytes (renderer/src/state/stateText.ts).
  replica.handle(from === 'text' ? { type: 'loadJson', stateJson } : { type: 'loadJson', stateBytes: new TextEncoder().encode(stateJson) });
  let id = 0;
  const ask = (inputs: RoutineInputs): RoutineFacts => {
    replica.handle({ type: 'routine', id: ++id, ...inputs });
    const answer = answers.at(-1)!;
    expect(answer.id).toBe(id);
    return answer.facts;
  };
  const sizes = () => answers.at(-1)!.sizes;
  return { replica, ask, sizes };
}

const sizesOf = (d: CarnetDocument) => ({ contacts: Object.keys(d.contacts).length, ties: Object.keys(d.ties).length, interactions: Object.keys(d.interactions).length });

const inputs: RoutineInputs = { today: TODAY, lastSeen: daysBefore(TODAY, 12) };

describe('the routine facts of the analysis worker', () => {
  it.each(['text', 'bytes'] as const)('are those computed from the document directly (loaded from its %s): reminders, who was contacted this week, every goal', (from) => {
    const d = network();
    const { ask } = replicaOf(d, from);
    const facts = ask(inputs);
    expect(facts).toEqual({ ...inputs, ...direct(d, inputs) });
    // The example says something in each part, so that the comparison is not one of empty lists.
    expect(facts.reminders.map((r) => r.kind)).toEqual(expect.arrayContaining(['review', 'step', 'plan', 'birthday', 'goal']));
    expect([...facts.recent]).toEqual(expect.arrayContaining([['bob', '2026-06-01']]));
    expect(facts.goals.map((g) => g.goal.id)).toEqual(['g1', 'g2']);
    // The first open: nothing missed.
    expect(ask({ today: TODAY, lastSeen: null })).toEqual({ today: TODAY, lastSeen: null, ...direct(d, { today: TODAY, lastSeen: null }) });
  });

  it('follow each edit the renderer forwards: a logged interaction, one moved to another day, one deleted, an undo, a plan marked, a goal changed', () => {
    const d = network();
    const { replica, ask, sizes } = replicaOf(d);
    ask(inputs);
    const edits: ChangeSet[] = [
      { label: { key: 'x' }, changes: [{ op: 'put', coll: 'ties', id: 't1', value: { id: 't1', from: 'ana', to: 'cleo', strength: 0.5 } }] },
      { label: { key: 'x' }, changes: [{ op: 'put', coll: 'interactions', id: 'i_new', value: { id: 'i_new', date: TODAY, contacts: ['ana'], channel: 'in-person', direction: 'gave', kind: 'lunch' } }] },
      { label: { key: 'x' }, changes: [{ op: 'put', coll: 'interactions', id: 'i_new', value: { id: 'i_new', date: '2026-05-13', contacts: ['ana'], channel: 'in-person', direction: 'gave', kind: 'lunch' } }] },
      { label: { key: 'x' }, changes: [{ op: 'del', coll: 'interactions', id: Object.keys(d.interactions).find((k) => d.interactions[k]!.channel === 'call')! }] },
      { label: { key: 'x' }, changes: [{ op: 'put', coll: 'goals', id: 'g2', value: { ...d.goals.g2!, paused: false, count: 1 } }] },
      { label: { key: 'x' }, changes: [{ op: 'put', coll: 'contacts', id: 'bob', value: { ...d.contacts.bob!, archived: true } }] },
    ];
    const undo: ChangeSet[] = [];
    const week = weekOf(TODAY);
    const action = d.plans[week]!.actions.find((a) => a.contacts.length > 0)!;
    const marked = (): ChangeSet => markActionDone(d, week, action.key, { id: 'i_done', date: TODAY, contacts: action.contacts, channel: 'call', direction: 'gave' }, TODAY, `${TODAY}T10:00:00.000Z`);
    for (const make of [...edits.map((set) => () => set), marked]) {
      const set = make();
      undo.unshift(applyChangeSet(d, set));
      replica.handle({ type: 'changes', set });
      expect(ask(inputs)).toEqual({ ...inputs, ...direct(d, inputs) });
      expect(sizes()).toEqual(sizesOf(d));
    }
    expect(sizes()).toEqual({ contacts: 4, ties: 1, interactions: 4 });
    for (const set of undo) {
      applyChangeSet(d, set);
      replica.handle({ type: 'changes', set });
      expect(ask(inputs)).toEqual({ ...inputs, ...direct(d, inputs) });
      expect(sizes()).toEqual(sizesOf(d));
    }
    expect(sizes()).toEqual({ contacts: 4, ties: 0, interactions: 3 });
  });

  it('follow an import of thousands of interactions (the log is rebuilt rather than patched) and a new document', () => {
    const d = network();
    const { replica, ask, sizes } = replicaOf(d);
    ask(inputs);
    const changes: ChangeSet['changes'] = [];
    for (let i = 0; i < 2500; i++) {
      const id = `i_imp_${i}`;
      changes.push({ op: 'put', coll: 'interactions', id, value: { id, date: daysBefore(TODAY, i % 90), contacts: [i % 2 ? 'ana' : 'cleo'], channel: 'email', direction: 'mutual' } });
    }
    const set = { label: { key: 'x' }, changes };
    applyChangeSet(d, set);
    replica.handle({ type: 'changes', set });
    expect(ask(inputs)).toEqual({ ...inputs, ...direct(d, inputs) });
    expect(sizes()).toEqual({ contacts: 4, ties: 0, interactions: 2503 });

    const other = doc();
    contact(other, { id: 'zoe', name: 'Zoé' });
    interaction(other, ['zoe'], TODAY);
    replica.handle({ type: 'load', doc: other });
    const facts = ask(inputs);
    expect(facts).toEqual({ ...inputs, ...direct(other, inputs) });
    expect([...facts.recent]).toEqual([['zoe', TODAY]]);
    expect(sizes()).toEqual({ contacts: 1, ties: 0, interactions: 1 });
  });

  it('are not answered before a document is loaded', () => {
    const posted: FromWorker[] = [];
    new WorkerReplica((m) => posted.push(m)).handle({ type: 'routine', id: 1, ...inputs });
    expect(posted).toEqual([]);
  });
});
