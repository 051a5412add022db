/** ChangeSets behind the activity goals ("a lunch a week"): each save, pause or delete is one undoable step. */
import { newId } from './commands.js';
import type { ChangeSet } from './operations.js';
import { CHANNELS, INTERACTION_KINDS, PERIOD_UNITS, type ActivityGoal, type CarnetDocument } from './schema.js';

export type GoalDraft = {
  channels: (typeof CHANNELS)[number][];
  kinds: (typeof INTERACTION_KINDS)[number][];
  /** As typed: checked on save. */
  count: string;
  every: string;
  unit: (typeof PERIOD_UNITS)[number];
  /** The objective it serves, or ''. */
  objective: string;
};

export type GoalErrors = Partial<Record<'count' | 'every', string>>;

export const EMPTY_GOAL: GoalDraft = { channels: [], kinds: ['lunch'], count: '1', every: '1', unit: 'week', objective: '' };

export function draftOfGoal(g: ActivityGoal): GoalDraft {
  return { channels: [...g.channels], kinds: [...g.kinds], count: String(g.count), every: String(g.every), unit: g.unit, objective: g.objective ?? '' };
}

const whole = (s: string, max: number) => /^\d{1,4}$/.test(s.trim()) && Number(s) >= 1 && Number(s) <= max;

export function validateGoal(d: GoalDraft): GoalErrors {
  const errors: GoalErrors = {};
  if (!whole(d.count, 1000)) errors.count = 'routine.goals.errors.count';
  if (!whole(d.every, 366)) errors.every = 'routine.goals.errors.every';
  return errors;
}

/** Adds (no `id`, counting from `today`) or replaces a goal; a changed goal keeps counting from its first day. */
export function saveGoal(doc: CarnetDocument, draft: GoalDraft, today: string, id?: string): ChangeSet {
  const existing = id && Object.hasOwn(doc.goals, id) ? doc.goals[id]! : null;
  const goalId = existing?.id ?? newId('g');
  const value: ActivityGoal = {
    id: goalId,
    channels: [...new Set(draft.channels)],
    kinds: [...new Set(draft.kinds)],
    count: Number(draft.count),
    every: Number(draft.every),
    unit: draft.unit,
    since: existing?.since ?? today,
    ...(draft.objective && Object.hasOwn(doc.objectives, draft.objective) ? { objective: draft.objective } : {}),
    ...(existing?.paused ? { paused: true } : {}),
  };
  return { label: { key: existing ? 'routine.labels.editGoal' : 'routine.labels.addGoal' }, changes: [{ op: 'put', coll: 'goals', id: goalId, value }] };
}

export function setGoalPaused(doc: CarnetDocument, id: string, paused: boolean): ChangeSet {
  const g = Object.hasOwn(doc.goals, id) ? doc.goals[id]! : null;
  if (!g) throw new Error(`no goal "${id}"`);
  const { paused: _was, ...rest } = g;
  return { label: { key: paused ? 'routine.labels.pauseGoal' : 'routine.labels.resumeGoal' }, changes: [{ op: 'put', coll: 'goals', id, value: paused ? { ...rest, paused: true } : rest }] };
}

export function deleteGoal(doc: CarnetDocument, id: string): ChangeSet {
  if (!Object.hasOwn(doc.goals, id)) throw new Error(`no goal "${id}"`);
  return { label: { key: 'routine.labels.deleteGoal' }, changes: [{ op: 'del', coll: 'goals', id }] };
}
