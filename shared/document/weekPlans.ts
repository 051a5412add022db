/**
 * ChangeSets behind "This week". The plan itself is put once, by the app
 * (not an undo step: the user did nothing); every change the user makes to
 * it afterwards is one undoable step: when / where, done (with the
 * interaction it logs), snooze, postpone, skip, reopen, and the plan's size.
 */
import { stepsText } from './objectives.js';
import { addDays } from './suggestions.js';
import type { Change, ChangeSet, Label } from './operations.js';
import type { CarnetDocument, Interaction, Objective, PlanAction, WeekPlan } from './schema.js';

/** How long "Snooze" puts an action aside, within the week. */
export const SNOOZE_ACTION_DAYS = 2;

/** Stores a plan the app made (apply it with `{undoable: false}`). */
export function makePlan(plan: WeekPlan): ChangeSet {
  return { label: { key: 'routine.labels.makePlan' }, changes: [{ op: 'put', coll: 'plans', id: plan.id, value: plan }] };
}

/** The same week with other actions (a new size). */
export function replacePlan(plan: WeekPlan): ChangeSet {
  return { label: { key: 'routine.labels.planSize', params: { count: plan.size } }, changes: [{ op: 'put', coll: 'plans', id: plan.id, value: plan }] };
}

function planOf(doc: CarnetDocument, week: string): WeekPlan {
  const p = Object.hasOwn(doc.plans, week) ? doc.plans[week]! : null;
  if (!p) throw new Error(`no plan for the week of ${week}`);
  return p;
}

function subject(doc: CarnetDocument, a: PlanAction): string {
  const id = a.contacts.find((c) => Object.hasOwn(doc.contacts, c));
  if (id) return doc.contacts[id]!.name;
  const text = a.firstStep.params?.text;
  return typeof text === 'string' ? text : a.key;
}

function withAction(doc: CarnetDocument, week: string, key: string, edit: (a: PlanAction) => PlanAction, label: (name: string) => Label, extra: Change[] = []): ChangeSet {
  const plan = planOf(doc, week);
  const index = plan.actions.findIndex((a) => a.key === key);
  if (index < 0) throw new Error(`no action "${key}" in the plan of ${week}`);
  const action = plan.actions[index]!;
  const actions = plan.actions.map((a, i) => (i === index ? edit(a) : a));
  return { label: label(subject(doc, action)), changes: [...extra, { op: 'put', coll: 'plans', id: week, value: { ...plan, actions } }] };
}

function reset(a: PlanAction): PlanAction {
  const { until: _until, interaction: _interaction, doneAt: _doneAt, ...rest } = a;
  return rest;
}

export function snoozeAction(doc: CarnetDocument, week: string, key: string, today: string): ChangeSet {
  return withAction(doc, week, key, (a) => ({ ...reset(a), status: 'snoozed', until: addDays(today, SNOOZE_ACTION_DAYS) }), (name) => ({ key: 'routine.labels.snooze', params: { name } }));
}

export function postponeAction(doc: CarnetDocument, week: string, key: string): ChangeSet {
  return withAction(doc, week, key, (a) => ({ ...reset(a), status: 'postponed' }), (name) => ({ key: 'routine.labels.postpone', params: { name } }));
}

export function skipAction(doc: CarnetDocument, week: string, key: string): ChangeSet {
  return withAction(doc, week, key, (a) => ({ ...reset(a), status: 'skipped' }), (name) => ({ key: 'routine.labels.skip', params: { name } }));
}

/** Back to the list (after a snooze, postpone or skip the user changed their mind about). */
export function reopenAction(doc: CarnetDocument, week: string, key: string): ChangeSet {
  return withAction(doc, week, key, (a) => ({ ...reset(a), status: 'open' }), (name) => ({ key: 'routine.labels.reopen', params: { name } }));
}

/** The if-then plan: when and where (empty text clears it). */
export function planWhenWhere(doc: CarnetDocument, week: string, key: string, when: string, where: string): ChangeSet {
  return withAction(
    doc,
    week,
    key,
    (a) => {
      const { when: _w, where: _x, ...rest } = a;
      return { ...rest, ...(when.trim() ? { when: when.trim().slice(0, 500) } : {}), ...(where.trim() ? { where: where.trim().slice(0, 500) } : {}) };
    },
    (name) => ({ key: 'routine.labels.ifThen', params: { name } }),
  );
}

/**
 * Done: logs the interaction (when the action has a contact) and, for an
 * objective step, marks the step done — all one undo step.
 */
export function markActionDone(doc: CarnetDocument, week: string, key: string, interaction: Interaction | null, today: string, now: string): ChangeSet {
  const plan = planOf(doc, week);
  const action = plan.actions.find((a) => a.key === key);
  if (!action) throw new Error(`no action "${key}" in the plan of ${week}`);
  const extra: Change[] = [];
  if (interaction) {
    for (const c of interaction.contacts) if (!Object.hasOwn(doc.contacts, c)) throw new Error(`no contact "${c}"`);
    extra.push({ op: 'put', coll: 'interactions', id: interaction.id, value: interaction });
  }
  if (action.kind === 'step' && action.objective && action.step && Object.hasOwn(doc.objectives, action.objective)) {
    const o = doc.objectives[action.objective]!;
    const step = o.steps.find((s) => s.id === action.step);
    if (step && !step.done) {
      const steps = o.steps.map((s) => (s.id === step.id ? { ...s, done: today } : s));
      const value: Objective = {
        ...o,
        steps,
        updatedAt: now,
        history: [...o.history, { at: now, kind: 'edited', changes: [{ field: 'steps', from: stepsText(o.steps), to: stepsText(steps) }] }],
      };
      extra.push({ op: 'put', coll: 'objectives', id: o.id, value });
    }
  }
  return withAction(
    doc,
    week,
    key,
    (a) => ({ ...reset(a), status: 'done', doneAt: today, ...(interaction ? { interaction: interaction.id } : {}) }),
    (name) => ({ key: 'routine.labels.done', params: { name } }),
    extra,
  );
}
