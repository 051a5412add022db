import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../shared/analysis/analyze.js';
import { applyChangeSet } from '../../../shared/document/operations.js';
import type { CarnetDocument } from '../../../shared/document/schema.js';
import { makePlan, markActionDone, postponeAction, skipAction, snoozeAction } from '../../../shared/document/weekPlans.js';
import { addDays } from '../../../shared/routine/dates.js';
import { actionState, buildWeekPlan, resizePlan, weekPlanFor } from '../../../shared/routine/plan.js';
import { sayPhrase } from '../../../shared/routine/phrases.js';
import { contact, daysBefore, doc, interaction, objective, TODAY } from './helpers.js';

/** A network with one of everything a plan is made of. */
function network(): CarnetDocument {
  const d = doc();
  d.categories.cat_clients = { id: 'cat_clients', name: 'Clients', color: '#2563eb', cadenceDays: 30 };
  // Overdue: clients on a 30-day cadence, last seen 40 and 90 days ago (the second is more overdue).
  contact(d, { id: 'olga', name: 'Olga Overdue', categories: ['cat_clients'], organizations: [{ name: 'Acme', title: 'CFO', current: true }] });
  interaction(d, ['olga'], daysBefore(TODAY, 40), { channel: 'call' });
  contact(d, { id: 'oscar', name: 'Oscar Overdue', categories: ['cat_clients'], tags: ['voile'] });
  interaction(d, ['oscar'], daysBefore(TODAY, 90));
  // Dormant: last seen four years ago, after years of contact.
  contact(d, { id: 'dora', name: 'Dora Dormant', organizations: [{ name: 'Brume', current: true }] });
  for (let y = 4; y <= 8; y++) interaction(d, ['dora'], daysBefore(TODAY, y * 365));
  // Online only: three messages in the last months, never met.
  contact(d, { id: 'mona', name: 'Mona Online' });
  for (const n of [20, 60, 100]) interaction(d, ['mona'], daysBefore(TODAY, n), { channel: 'message' });
  // A birthday in three days.
  contact(d, { id: 'bea', name: 'Béa Birthday', birthday: `1990-${addDays(TODAY, 3).slice(5)}` });
  interaction(d, ['bea'], daysBefore(TODAY, 10));
  // A persona under target, and a close, long-known tie who shares its city: an introducer.
  d.personas.p_inv = { id: 'p_inv', name: 'Investor in Rennes', match: { title: ['investor'], organization: [], location: ['Rennes'], tags: [], sector: [], school: [] }, target: 2 };
  contact(d, { id: 'ivan', name: 'Ivan Introducer', city: 'Rennes', strength: 4 });
  interaction(d, ['ivan'], daysBefore(TODAY, 5));
  contact(d, { id: 'iris', name: 'Iris Investor', city: 'Rennes', organizations: [{ name: 'Fonds Ouest', title: 'Investor', current: true }] });
  interaction(d, ['iris'], daysBefore(TODAY, 15));
  // An objective with a step due this week and one later.
  objective(d, {
    id: 'o_seed',
    title: 'Raise a seed round',
    personas: ['p_inv'],
    steps: [
      { id: 's1', text: 'Send the deck to three angels', due: addDays(TODAY, 2) },
      { id: 's2', text: 'Close the round', due: addDays(TODAY, 60) },
    ],
  });
  return d;
}

const analyse = (d: CarnetDocument, today = TODAY) => analyzeNetwork(d, { now: today });

describe("this week's plan", () => {
  it('mixes the kinds, each with who, why and a first step that gives', () => {
    const d = network();
    const plan = buildWeekPlan(d, analyse(d), TODAY);
    expect(plan.id).toBe('2026-06-01');
    expect(plan.size).toBe(5);
    expect(plan.actions.map((a) => a.kind)).toEqual(['step', 'birthday', 'overdue', 'introducer', 'dormant']);
    expect(plan.actions.map((a) => a.contacts)).toEqual([[], ['bea'], ['oscar'], ['ivan'], ['dora']]);
    const introducer = plan.actions.find((a) => a.kind === 'introducer')!;
    expect(introducer.objective).toBe('o_seed');
    expect(introducer.why.map((p) => sayPhrase('en', p))).toEqual(['Could introduce you to someone who fits “Investor in Rennes” (Rennes).', '“Investor in Rennes”: you know 1 of the 2 you want.']);
    expect(sayPhrase('en', introducer.firstStep)).toMatch(/^Share something useful with them first/);
    const overdue = plan.actions.find((a) => a.kind === 'overdue')!;
    expect(sayPhrase('fr', overdue.why[0]!)).toMatch(/^Dernier échange le 5 mars 2026 ; votre rythme est de 30 jours : 60 jours de retard\.$/);
    expect(sayPhrase('en', overdue.firstStep)).toBe('Share an article, an event or a contact about voile with them — ask for nothing.');
    const step = plan.actions[0]!;
    expect(step).toMatchObject({ key: 'step:o_seed:s1', objective: 'o_seed', step: 's1' });
    expect(sayPhrase('en', step.firstStep)).toBe('Send the deck to three angels');
    for (const a of plan.actions) expect(sayPhrase('en', a.firstStep)).not.toMatch(/\b(ask (them )?for (a )?(favour|help)|could you)\b/i);
  });

  it('is the same for the same document and date, whatever the order the collections were written in', () => {
    const d = network();
    const first = buildWeekPlan(d, analyse(d), TODAY);
    const reversed = structuredClone(d);
    for (const coll of ['contacts', 'interactions', 'personas', 'objectives', 'categories'] as const) {
      const entries = Object.entries(reversed[coll]).reverse();
      (reversed as Record<string, unknown>)[coll] = Object.fromEntries(entries);
    }
    expect(buildWeekPlan(reversed, analyse(reversed), TODAY)).toEqual(first);
    expect(buildWeekPlan(d, analyse(d), TODAY)).toEqual(first);
    // Any day of the same week gives that week's plan id; the stored plan is returned as is.
    applyChangeSet(d, makePlan(first));
    expect(weekPlanFor(d, analyse(d, '2026-06-06'), '2026-06-06')).toEqual({ plan: first, stored: true });
  });

  it('holds for the week: edits to the network do not reshuffle the stored plan', () => {
    const d = network();
    const plan = buildWeekPlan(d, analyse(d), TODAY);
    applyChangeSet(d, makePlan(plan));
    contact(d, { id: 'zed', name: 'Zed New', categories: ['cat_clients'] });
    interaction(d, ['zed'], daysBefore(TODAY, 200));
    expect(weekPlanFor(d, analyse(d), TODAY).plan).toBe(d.plans['2026-06-01']);
  });

  it('takes 3 to 7 actions as the size says, and the next week keeps the size', () => {
    const d = network();
    const plan = buildWeekPlan(d, analyse(d), TODAY);
    const seven = resizePlan(d, analyse(d), plan, 7, TODAY);
    // Added actions take the next turn of the round-robin: another overdue tie, then the online-only one.
    expect(seven.actions.map((a) => a.kind)).toEqual(['step', 'birthday', 'overdue', 'introducer', 'dormant', 'overdue', 'meet']);
    const three = resizePlan(d, analyse(d), seven, 3, TODAY);
    expect(three.actions.map((a) => a.key)).toEqual(seven.actions.slice(0, 3).map((a) => a.key));
    applyChangeSet(d, makePlan(three));
    const next = buildWeekPlan(d, analyse(d, '2026-06-08'), '2026-06-08');
    expect(next.size).toBe(3);
  });

  it('carries over what was not done, first what was postponed, and drops what no longer makes sense', () => {
    const d = network();
    const plan = buildWeekPlan(d, analyse(d), TODAY);
    applyChangeSet(d, makePlan(plan));
    applyChangeSet(d, postponeAction(d, plan.id, 'dormant:dora'));
    applyChangeSet(d, skipAction(d, plan.id, 'overdue:oscar'));
    applyChangeSet(d, snoozeAction(d, plan.id, 'introducer:p_inv:ivan', TODAY));
    const interactionDone = { id: 'i_done', date: TODAY, contacts: ['bea'], channel: 'message' as const, direction: 'gave' as const };
    applyChangeSet(d, markActionDone(d, plan.id, 'birthday:bea:2026', interactionDone, TODAY, `${TODAY}T10:00:00.000Z`));
    const monday = '2026-06-08';
    const next = buildWeekPlan(d, analyse(d, monday), monday);
    // Postponed first, then the snoozed one; the step (not done) carries over too. Done and skipped ones do not.
    expect(next.actions.slice(0, 3).map((a) => [a.key, a.status, a.carriedFrom])).toEqual([
      ['dormant:dora', 'open', '2026-06-01'],
      ['step:o_seed:s1', 'open', '2026-06-01'],
      ['introducer:p_inv:ivan', 'open', '2026-06-01'],
    ]);
    expect(next.actions.map((a) => a.key)).not.toContain('birthday:bea:2026');
    // Skipped last week: it rests a week instead of coming straight back.
    expect(next.actions.map((a) => a.key)).not.toContain('overdue:oscar');
    expect(next.actions).toHaveLength(5);
  });

  it('counts an action done when an interaction with the contact is logged by any means that week', () => {
    const d = network();
    const plan = buildWeekPlan(d, analyse(d), TODAY);
    applyChangeSet(d, makePlan(plan));
    const stored = d.plans[plan.id]!;
    const dora = stored.actions.find((a) => a.key === 'dormant:dora')!;
    expect(actionState(d, stored, dora, TODAY)).toBe('open');
    interaction(d, ['dora'], TODAY, { channel: 'call' });
    expect(actionState(d, stored, dora, TODAY)).toBe('done');
  });

  it('marking done logs the interaction, prefilled, marks an objective step done, and undoes as one step', () => {
    const d = network();
    applyChangeSet(d, makePlan(buildWeekPlan(d, analyse(d), TODAY)));
    const before = structuredClone(d);
    const it = { id: 'i_x', date: TODAY, contacts: ['oscar'], channel: 'call' as const, direction: 'gave' as const, note: 'Sent him the regatta article' };
    const inverse = applyChangeSet(d, markActionDone(d, '2026-06-01', 'overdue:oscar', it, TODAY, `${TODAY}T10:00:00.000Z`));
    expect(d.interactions.i_x).toEqual(it);
    expect(d.plans['2026-06-01']!.actions.find((a) => a.key === 'overdue:oscar')).toMatchObject({ status: 'done', interaction: 'i_x', doneAt: TODAY });
    applyChangeSet(d, markActionDone(d, '2026-06-01', 'step:o_seed:s1', null, TODAY, `${TODAY}T10:00:00.000Z`));
    expect(d.objectives.o_seed!.steps[0]!.done).toBe(TODAY);
    expect(d.objectives.o_seed!.history.at(-1)).toMatchObject({ kind: 'edited', changes: [{ field: 'steps' }] });
    const d2 = structuredClone(before);
    applyChangeSet(d2, markActionDone(d2, '2026-06-01', 'overdue:oscar', it, TODAY, `${TODAY}T10:00:00.000Z`));
    applyChangeSet(d2, inverse);
    expect(d2).toEqual(before);
  });

  it('snoozes for two days: the action comes back by itself', () => {
    const d = network();
    const plan = buildWeekPlan(d, analyse(d), TODAY);
    applyChangeSet(d, makePlan(plan));
    applyChangeSet(d, snoozeAction(d, plan.id, 'dormant:dora', TODAY));
    const stored = d.plans[plan.id]!;
    const a = stored.actions.find((x) => x.key === 'dormant:dora')!;
    expect(a.until).toBe('2026-06-05');
    expect(actionState(d, stored, a, '2026-06-04')).toBe('snoozed');
    expect(actionState(d, stored, a, '2026-06-05')).toBe('open');
  });

  it('leaves archived contacts out and works on an empty network', () => {
    const d = network();
    d.contacts.oscar!.archived = true;
    d.contacts.bea!.archived = true;
    const plan = buildWeekPlan(d, analyse(d), TODAY);
    expect(plan.actions.flatMap((a) => a.contacts)).not.toContain('oscar');
    expect(plan.actions.flatMap((a) => a.contacts)).not.toContain('bea');
    const empty = doc();
    expect(buildWeekPlan(empty, analyse(empty), TODAY)).toEqual({ id: '2026-06-01', createdAt: TODAY, size: 5, actions: [] });
  });

  it('treats ids such as __proto__ and constructor as plain data', () => {
    const d = network();
    contact(d, { id: '__proto__', name: 'Proto', categories: ['cat_clients'] });
    interaction(d, ['__proto__'], daysBefore(TODAY, 300), { channel: 'message' });
    contact(d, { id: 'constructor', name: 'Constructor' });
    for (const n of [3, 9]) interaction(d, ['constructor'], daysBefore(TODAY, n), { channel: 'email' });
    const plan = resizePlan(d, analyse(d), buildWeekPlan(d, analyse(d), TODAY), 7, TODAY);
    expect(plan.actions.flatMap((a) => a.contacts)).toContain('__proto__');
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});
