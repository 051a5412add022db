/**
 * ChangeSets behind the Objectives tab. Every save appends a revision to the
 * objective's history saying what changed, field by field, as it read then
 * (persona, cluster and category names rather than ids, so the history
 * stays readable after they are renamed or deleted).
 */
import { newId, nowIso } from './commands.js';
import type { ChangeSet } from './operations.js';
import { OBJECTIVE_FIELDS, STAGES, type CarnetDocument, type Objective, type ObjectiveRevision, type ObjectiveStep } from './schema.js';

export type ObjectiveField = (typeof OBJECTIVE_FIELDS)[number];

export type StepDraft = { id?: string; text: string; due: string; done?: string };

/** What the form edits, as typed. */
export type ObjectiveDraft = {
  title: string;
  personas: string[];
  clusters: string[];
  categories: string[];
  why: string;
  by: string;
  stage: '' | (typeof STAGES)[number];
  steps: StepDraft[];
  reviewDate: string;
  status: Objective['status'];
};

export type ObjectiveErrors = Partial<Record<'title' | 'by' | 'reviewDate' | `step${number}`, string>>;

/** How to name what an objective refers to, for its history. */
export type TargetNames = { persona(id: string): string; cluster(id: string): string; category(id: string): string };

export const EMPTY_OBJECTIVE: ObjectiveDraft = {
  title: '',
  personas: [],
  clusters: [],
  categories: [],
  why: '',
  by: '',
  stage: '',
  steps: [],
  reviewDate: '',
  status: 'active',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export function draftOfObjective(o: Objective): ObjectiveDraft {
  return {
    title: o.title,
    personas: [...o.personas],
    clusters: [...o.clusters],
    categories: [...o.categories],
    why: o.why ?? '',
    by: o.by?.slice(0, 10) ?? '',
    stage: o.stage ?? '',
    steps: o.steps.map((s) => ({ id: s.id, text: s.text, due: s.due.slice(0, 10), ...(s.done ? { done: s.done } : {}) })),
    reviewDate: o.reviewDate?.slice(0, 10) ?? '',
    status: o.status,
  };
}

/** Message keys (shared/i18n) per field; empty when the draft can be saved. */
export function validateObjective(d: ObjectiveDraft): ObjectiveErrors {
  const errors: ObjectiveErrors = {};
  if (!d.title.trim()) errors.title = 'routine.objectives.errors.title';
  if (d.by && !realDay(d.by)) errors.by = 'routine.objectives.errors.date';
  if (d.reviewDate && !realDay(d.reviewDate)) errors.reviewDate = 'routine.objectives.errors.date';
  d.steps.forEach((s, i) => {
    if (!s.text.trim()) errors[`step${i}`] = 'routine.objectives.errors.stepText';
    else if (!realDay(s.due)) errors[`step${i}`] = 'routine.objectives.errors.stepDue';
  });
  return errors;
}

/** Each field as the history shows it: names for references, one line per step. */
export function fieldTexts(o: Objective, names: TargetNames): Record<ObjectiveField, string> {
  return {
    title: o.title,
    personas: o.personas.map((id) => names.persona(id)).join(', '),
    clusters: o.clusters.map((id) => names.cluster(id)).join(', '),
    categories: o.categories.map((id) => names.category(id)).join(', '),
    why: o.why ?? '',
    by: o.by?.slice(0, 10) ?? '',
    stage: o.stage ?? '',
    steps: stepsText(o.steps),
    reviewDate: o.reviewDate?.slice(0, 10) ?? '',
    status: o.status,
  };
}

/** The steps as the history shows them: one line each, done ones ticked. */
export function stepsText(steps: readonly ObjectiveStep[]): string {
  return steps.map((s) => `${s.done ? '✓ ' : ''}${s.text} · ${s.due.slice(0, 10)}`).join('\n');
}

function diff(before: Objective | null, after: Objective, names: TargetNames): ObjectiveRevision['changes'] {
  const a = before ? fieldTexts(before, names) : null;
  const b = fieldTexts(after, names);
  const changes: ObjectiveRevision['changes'] = [];
  for (const field of OBJECTIVE_FIELDS) {
    const from = a?.[field] ?? '';
    const to = b[field];
    if (from === to) continue;
    changes.push({ field, ...(from ? { from: from.slice(0, 5000) } : {}), ...(to ? { to: to.slice(0, 5000) } : {}) });
  }
  return changes;
}

/**
 * Adds (no `id`) or saves an objective, with a revision of what changed.
 * Saving without a change changes nothing (no revision, no undo step).
 */
export function saveObjective(doc: CarnetDocument, draft: ObjectiveDraft, names: TargetNames, id?: string, now = nowIso()): ChangeSet {
  const existing = id && Object.hasOwn(doc.objectives, id) ? doc.objectives[id]! : null;
  const objectiveId = existing?.id ?? newId('o');
  const steps: ObjectiveStep[] = draft.steps.map((s) => ({ id: s.id ?? newId('s'), text: s.text.trim(), due: s.due, ...(s.done ? { done: s.done } : {}) }));
  const next: Objective = {
    id: objectiveId,
    title: draft.title.trim(),
    personas: [...new Set(draft.personas)],
    clusters: [...new Set(draft.clusters)],
    categories: [...new Set(draft.categories)],
    ...(draft.why.trim() ? { why: draft.why.trim() } : {}),
    ...(draft.by ? { by: draft.by } : {}),
    ...(draft.stage ? { stage: draft.stage } : {}),
    steps,
    ...(draft.reviewDate ? { reviewDate: draft.reviewDate } : {}),
    status: draft.status,
    history: existing?.history ?? [],
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  const changes = diff(existing, next, names);
  if (existing && changes.length === 0) return { label: { key: 'routine.labels.editObjective', params: { name: existing.title } }, changes: [] };
  next.history = [...next.history, { at: now, kind: existing ? 'edited' : 'created', changes }];
  return {
    label: { key: existing ? 'routine.labels.editObjective' : 'routine.labels.addObjective', params: { name: next.title } },
    changes: [{ op: 'put', coll: 'objectives', id: objectiveId, value: next }],
  };
}

/** The user looked at the objective again: a "reviewed" revision and the next review date. */
export function reviewObjective(doc: CarnetDocument, id: string, nextReview: string, note: string, now = nowIso()): ChangeSet {
  const o = Object.hasOwn(doc.objectives, id) ? doc.objectives[id]! : null;
  if (!o) throw new Error(`no objective "${id}"`);
  const from = o.reviewDate?.slice(0, 10);
  const revision: ObjectiveRevision = {
    at: now,
    kind: 'reviewed',
    changes: from === nextReview ? [] : [{ field: 'reviewDate', ...(from ? { from } : {}), to: nextReview }],
    ...(note.trim() ? { note: note.trim().slice(0, 2000) } : {}),
  };
  const value: Objective = { ...o, reviewDate: nextReview, history: [...o.history, revision], updatedAt: now };
  return { label: { key: 'routine.labels.reviewObjective', params: { name: o.title } }, changes: [{ op: 'put', coll: 'objectives', id, value }] };
}

/** Marks a step done (`done` = the day) or not done again (null), as a revision. */
export function setStepDone(doc: CarnetDocument, objectiveId: string, stepId: string, done: string | null, names: TargetNames, now = nowIso()): ChangeSet {
  const o = Object.hasOwn(doc.objectives, objectiveId) ? doc.objectives[objectiveId]! : null;
  if (!o) throw new Error(`no objective "${objectiveId}"`);
  const draft = draftOfObjective(o);
  draft.steps = draft.steps.map((s) => {
    if (s.id !== stepId) return s;
    const { done: _done, ...rest } = s;
    return done ? { ...rest, done } : rest;
  });
  const set = saveObjective(doc, draft, names, objectiveId, now);
  const step = o.steps.find((s) => s.id === stepId);
  return { ...set, label: { key: done ? 'routine.labels.stepDone' : 'routine.labels.stepUndone', params: { name: step?.text ?? '' } } };
}

export function deleteObjective(doc: CarnetDocument, id: string): ChangeSet {
  const o = Object.hasOwn(doc.objectives, id) ? doc.objectives[id]! : null;
  if (!o) throw new Error(`no objective "${id}"`);
  return { label: { key: 'routine.labels.deleteObjective', params: { name: o.title } }, changes: [{ op: 'del', coll: 'objectives', id }] };
}
